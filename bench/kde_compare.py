"""Pearson correlation of two single-band rasters on the same grid (Lagebild KDE vs QGIS heatmap).
Run with Debian's /usr/bin/python3 (numpy + GDAL):  kde_compare.py A.tif B.tif"""
import sys

import numpy
from osgeo import gdal

a_ds, b_ds = gdal.Open(sys.argv[1]), gdal.Open(sys.argv[2])


def density(ds):
    """The band as float64, with no-data cells (QGIS writes -9999 where no kernel reaches) as 0."""
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(numpy.float64)
    if band.GetNoDataValue() is not None:
        values[values == band.GetNoDataValue()] = 0.0
    return values


a, b = density(a_ds), density(b_ds)
if a.shape != b.shape or a_ds.GetGeoTransform() != b_ds.GetGeoTransform():
    sys.exit(f"grids differ: {a.shape} {a_ds.GetGeoTransform()} vs {b.shape} {b_ds.GetGeoTransform()}")
r = numpy.corrcoef(a.ravel(), b.ravel())[0, 1]
mask = b > 0
print(f"pearson_r {r:.9f}")
print(f"scale_lagebild_over_qgis {numpy.median(a[mask] / b[mask]):.6g}")
