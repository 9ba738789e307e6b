#include "io/raster_writer.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <memory>

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "io/atomic_output.hpp"
#include "io/gdal_errors.hpp"

namespace lb::io {

void writeGeoTiff(const std::filesystem::path& path, const RasterGrid& grid) {
    if (grid.values.size() != grid.columns * grid.rows || grid.columns == 0 || grid.rows == 0) {
        throw core::ProcessingError("cannot write " + path.string() + ": the raster is empty");
    }
    AtomicOutput output(path);
    GdalErrorScope errors;
    auto fail = [&](const char* what) {
        throw core::ProcessingError("cannot write " + path.string() + ": " + what +
                                    (errors.hasFailure() ? " (" + errors.failureText() + ")" : std::string()));
    };
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) fail("GDAL has no GeoTIFF driver");
    {
        CPLStringList options;
        options.SetNameValue("COMPRESS", "DEFLATE");
        options.SetNameValue("PREDICTOR", "3");
        options.SetNameValue("TILED", "YES");
        std::unique_ptr<GDALDataset> dataset(driver->Create(output.tempPath().c_str(), static_cast<int>(grid.columns),
                                                            static_cast<int>(grid.rows), 1, GDT_Float32,
                                                            options.List()));
        if (!dataset) fail("cannot create the GeoTIFF");
        double transform[6] = {grid.originX, grid.cellSize, 0.0, grid.originY, 0.0, -grid.cellSize};
        dataset->SetGeoTransform(transform);
        OGRSpatialReference srs;
        srs.importFromEPSG(geo::epsgCode(grid.crs));
        dataset->SetSpatialRef(&srs);
        GDALRasterBand* band = dataset->GetRasterBand(1);
        if (!grid.description.empty()) band->SetDescription(grid.description.c_str());
        if (band->RasterIO(GF_Write, 0, 0, static_cast<int>(grid.columns), static_cast<int>(grid.rows),
                           const_cast<float*>(grid.values.data()), static_cast<int>(grid.columns),
                           static_cast<int>(grid.rows), GDT_Float32, 0, 0, nullptr) != CE_None) {
            fail("writing the cells failed");
        }
        dataset->FlushCache();
        dataset.reset();
        if (errors.hasFailure()) fail("closing the GeoTIFF failed");
    }
    output.commit();
}

}  // namespace lb::io
