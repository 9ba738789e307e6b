#!/usr/bin/python3
"""Render a Lagebild project with QGIS (PyQGIS) and time the frames.

The QGIS side of the Lagebild-vs-QGIS render benchmark. Headless:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/qgis_render.py PROJECT.sqlite \
        --out frame.png --size 1920x1080 --frames 20 --first-frame [--json]

Every layer is opened through QGIS's `spatialite` provider and styled roughly like a
city map (and like Lagebild's assets/styles/default.json, in the same drawing order).
Then one first frame is rendered and timed on its own (it pays for whatever QGIS
sets up lazily: connections, symbol caches, fonts), followed by N frames with
QgsMapRendererParallelJob (start(); waitForFinished()), each timed as wall time
with time.perf_counter. No QgsMapRendererCache is set, so every frame re-reads and
redraws every layer. Layer loading and styling are not in the frame times; they are
reported as load_ms. The last frame is saved as PNG.

Map settings follow QGIS desktop defaults: antialiasing on, rendering optimisation
(geometry simplification to 1 px, the provider default) on, 96 dpi, no labels.

Layers whose geometry column is registered as generic GEOMETRY (water, measures) are
reported by QGIS 3.22's spatialite provider as geometry type "Unknown" with no CRS or
extent, and QGIS then does not draw them at all (the layer is not "spatial"). They
are therefore split, one sub-layer per dimension, as spatialite provider layers on a
sub-query, e.g. `(SELECT ... FROM water WHERE ST_Dimension(geometry) = 2)`, for which
the provider detects the geometry type itself. This is what QGIS's own data source
manager does for such tables (one entry per geometry type).

Exit status: 0 success, 1 render or load failure, 2 bad usage.
"""

import argparse
import json
import os
import statistics
import sys
import time

# Headless unless the caller chose a platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    from qgis.core import (
        Qgis,
        QgsApplication,
        QgsCategorizedSymbolRenderer,
        QgsCoordinateReferenceSystem,
        QgsDataSourceUri,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsMarkerSymbol,
        QgsProviderRegistry,
        QgsRectangle,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
        QgsUnitTypes,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "qgis_render.py: cannot import PyQGIS (%s).\n"
        "Install it with: apt-get install -y --no-install-recommends qgis python3-qgis\n"
        "and run this script with Debian's /usr/bin/python3 (a pyenv/venv python does not see "
        "/usr/lib/python3/dist-packages).\n" % error
    )
    sys.exit(2)

DEFAULT_LAYERS = [
    # drawing order, bottom first (as in assets/styles/default.json)
    "landuse", "water", "buildings", "railways", "roads", "districts", "pois",
    "measures", "routes", "observations", "graffiti", "incidents",
]
PROJECT_CRS = "EPSG:25833"
BACKGROUND = "#f3f0ea"
PX = QgsUnitTypes.RenderPixels

# ---------------------------------------------------------------------------
# styles


def qcolor(text):
    """'#rrggbb' or '#rrggbbaa' (CSS order, as in Lagebild's styles) to QGIS's 'r,g,b,a'.
    QGIS/Qt would read an 8-digit '#aarrggbb', i.e. with alpha first."""
    if text.startswith("#") and len(text) in (7, 9):
        values = [int(text[i:i + 2], 16) for i in range(1, len(text), 2)]
        if len(values) == 3:
            values.append(255)
        return ",".join(str(v) for v in values)
    return text


def fill(color, outline="transparent", width=0.0, style="solid"):
    symbol = QgsFillSymbol.createSimple({
        "color": qcolor(color),
        "style": style,
        "outline_color": qcolor(outline),
        "outline_width": str(width),
        "outline_width_unit": "Pixel",
        "outline_style": "no" if outline == "transparent" else "solid",
    })
    return symbol


def line(color, width, capstyle="round", dash=False):
    props = {
        "line_color": qcolor(color),
        "line_width": str(width),
        "line_width_unit": "Pixel",
        "capstyle": capstyle,
        "joinstyle": "round",
    }
    if dash:
        props.update({"use_custom_dash": "1", "customdash": "6;3", "customdash_unit": "Pixel"})
    return QgsLineSymbol.createSimple(props)


def marker(color, size, shape="circle", outline="transparent", outline_width=0.0):
    return QgsMarkerSymbol.createSimple({
        "name": shape,
        "color": qcolor(color),
        "size": str(size),
        "size_unit": "Pixel",
        "outline_color": qcolor(outline),
        "outline_width": str(outline_width),
        "outline_width_unit": "Pixel",
        "outline_style": "no" if outline == "transparent" else "solid",
    })


def categorized(layer, expression, classes, default_symbol):
    """Categorized renderer: one category per value in `classes`, one per further
    value found in the data (with default_symbol), and a catch-all."""
    categories = []
    seen = set()
    for value, symbol in classes:
        categories.append(QgsRendererCategory(value, symbol, value))
        seen.add(value)
    field = layer.fields().indexOf(expression)
    if field >= 0:  # a plain column: add the values the data has beyond `classes`
        for value in sorted(v for v in layer.uniqueValues(field) if v not in seen and v is not None):
            categories.append(QgsRendererCategory(value, default_symbol.clone(), str(value)))
    # QGIS treats a category with an empty value as "all other values"
    categories.append(QgsRendererCategory("", default_symbol.clone(), "other"))
    return QgsCategorizedSymbolRenderer(expression, categories)


GREEN = "#d6e6c3"
ROAD_CLASSES = [  # highway value, colour, width in px
    ("motorway", "#8a8a8a", 5.0), ("trunk", "#8f8f8f", 4.5), ("primary", "#999999", 4.0),
    ("secondary", "#a3a3a3", 3.5), ("tertiary", "#adadad", 3.0),
    ("unclassified", "#b5b5b5", 2.2), ("residential", "#b5b5b5", 2.2),
    ("living_street", "#bdbdbd", 2.0), ("pedestrian", "#c4c4c4", 2.0),
    ("service", "#c4c4c4", 1.3), ("track", "#c9c0b0", 1.0), ("footway", "#cccccc", 0.8),
    ("path", "#cccccc", 0.8), ("cycleway", "#c8c8d8", 0.8), ("steps", "#cccccc", 0.8),
]
LANDUSE_CLASSES = [  # value of coalesce(leisure, landuse, natural, amenity), fill, outline
    ("park", GREEN, None), ("garden", "#dce9cc", None), ("playground", "#e3eccf", "#c4d3a8"),
    ("pitch", "#d3e3c0", "#b9cca1"), ("grass", "#e0ebd0", None), ("meadow", "#e4edd4", None),
    ("wood", "#c6dab1", None), ("forest", "#c6dab1", None), ("allotments", "#e2e6cc", None),
    ("cemetery", "#d5dfc9", None), ("farmland", "#f0eedc", None),
    ("residential", "#ebe6de", None), ("retail", "#efe1dc", None),
    ("commercial", "#ede2dc", None), ("industrial", "#e6e0e6", None),
    ("railway", "#e6e2e0", None), ("school", "#f2ebd4", "#e0d4b0"),
    ("parking", "#ebe9e6", "#dcd8d2"),
]
INCIDENT_CLASSES = [  # stored category code, colour (as Lagebild's default style)
    ("gewalt", "#d62728"), ("graffiti", "#ff7f0e"), ("vermuellung", "#8c6d31"),
    ("drogen", "#9467bd"), ("extremismus", "#1f3b73"), ("sonstiges", "#7f7f7f"),
]


def style_layer(name, layer):
    """Set a renderer on `layer` (a sub-layer name like 'water:polygon' is styled by kind)."""
    base, _, kind = name.partition(":")
    if base == "landuse":
        classes = [(v, fill(c, o or "transparent", 0.8 if o else 0.0)) for v, c, o in LANDUSE_CLASSES]
        return categorized(layer, 'coalesce("leisure", "landuse", "natural", "amenity")',
                           classes, fill("#ece9e2"))
    if base == "water":
        if kind == "polygon":
            return QgsSingleSymbolRenderer(fill("#b3d0e6", "#a9c8e0", 1.5))
        return QgsSingleSymbolRenderer(line("#a9c8e0", 3.0))
    if base == "buildings":
        return QgsSingleSymbolRenderer(fill("#ddd5cb", "#c8beb2", 0.6))
    if base == "railways":
        return QgsSingleSymbolRenderer(line("#6e6e6e", 2.0, capstyle="flat"))
    if base == "roads":
        classes = [(v, line(c, w)) for v, c, w in ROAD_CLASSES]
        return categorized(layer, "highway", classes, line("#c4c4c4", 1.0))
    if base == "districts":
        return QgsSingleSymbolRenderer(fill("transparent", "#8a6d9e", 1.2, style="no"))
    if base == "pois":
        return QgsSingleSymbolRenderer(marker("#9a7b4f", 5, outline="#ffffff", outline_width=0.5))
    if base == "measures":
        if kind == "polygon":
            return QgsSingleSymbolRenderer(fill("#5a7fbf33", "#5a7fbf", 2.0))
        if kind == "line":
            return QgsSingleSymbolRenderer(line("#5a7fbf", 3.0))
        return QgsSingleSymbolRenderer(marker("#5a7fbf", 11, "star", "#ffffff", 1.0))
    if base == "routes":
        return QgsSingleSymbolRenderer(line("#7b3fa0cc", 4.0))
    if base == "observations":
        return QgsSingleSymbolRenderer(marker("#5a2d78", 8, "triangle", "#ffffff", 1.0))
    if base == "graffiti":
        return QgsSingleSymbolRenderer(marker("#e67e22", 9, "diamond", "#ffffff", 1.0))
    if base == "incidents":
        classes = [(v, marker(c + "d9", 4)) for v, c in INCIDENT_CLASSES]
        return categorized(layer, "category", classes, marker("#7f7f7fd9", 4))
    if kind == "polygon":  # any other layer: plain style by geometry
        return QgsSingleSymbolRenderer(fill("#cccccc80", "#888888", 1.0))
    if kind == "line" or layer.geometryType() == QgsWkbTypes.LineGeometry:
        return QgsSingleSymbolRenderer(line("#888888", 1.5))
    if layer.geometryType() == QgsWkbTypes.PolygonGeometry:
        return QgsSingleSymbolRenderer(fill("#cccccc80", "#888888", 1.0))
    return QgsSingleSymbolRenderer(marker("#555555", 5))


# ---------------------------------------------------------------------------
# loading


def registered_layers(database):
    """{table: geometry type code} from the project's geometry_columns (plain sqlite3,
    read only, so that this script never writes to the project)."""
    import sqlite3
    uri = "file:%s?mode=ro" % database
    with sqlite3.connect(uri, uri=True) as connection:
        rows = connection.execute(
            "SELECT f_table_name, geometry_type FROM geometry_columns "
            "WHERE f_geometry_column = 'geometry'").fetchall()
        columns = {table: [row[1] for row in connection.execute(
            "PRAGMA table_info(\"%s\")" % table.replace('"', '""'))] for table, _ in rows}
    return {table: code for table, code in rows}, columns


def dimensions_present(database, table):
    """Topological dimensions (0 point, 1 line, 2 polygon) present in a GEOMETRY column,
    read from the SpatiaLite blob header (class type at byte 39, endianness at byte 1)
    with plain sqlite3, which has no ST_Dimension."""
    import sqlite3
    uri = "file:%s?mode=ro" % database
    with sqlite3.connect(uri, uri=True) as connection:
        rows = connection.execute(
            "SELECT DISTINCT substr(geometry, 2, 1), substr(geometry, 40, 4) FROM %s "
            "WHERE geometry IS NOT NULL" % quote_ident(table)).fetchall()
    present = set()
    for endian, code in rows:
        if len(code) != 4:
            continue
        value = int.from_bytes(code, "little" if endian == b"\x01" else "big") % 1000
        if value in (1, 4):
            present.add(0)
        elif value in (2, 5):
            present.add(1)
        elif value in (3, 6):
            present.add(2)
        elif value == 7:
            present.update((0, 1, 2))
    return present


def quote_ident(name):
    return '"%s"' % name.replace('"', '""')


def open_layer(database, table, name, subquery=None, key=None):
    uri = QgsDataSourceUri()
    uri.setDatabase(database)
    if subquery:
        uri.setDataSource("", subquery, "geometry", "", key or "")
    else:
        uri.setDataSource("", table, "geometry")
    layer = QgsVectorLayer(uri.uri(), name, "spatialite")
    if not layer.isValid():
        error = layer.dataProvider().error().message() if layer.dataProvider() else ""
        raise RuntimeError("QGIS spatialite provider could not open %s (%s) %s"
                           % (name, uri.uri(), error))
    return layer


def load_layers(database, wanted):
    """Open and style the wanted layers; returns [(name, layer)] bottom first."""
    started = time.perf_counter()
    types, columns = registered_layers(database)
    missing = [name for name in wanted if name not in types]
    if missing:
        raise RuntimeError("no such layer(s) in %s: %s (project has: %s)"
                           % (database, ", ".join(missing), ", ".join(sorted(types))))
    result = []
    for table in wanted:
        if types[table] in (0, 7):  # GEOMETRY / GEOMETRYCOLLECTION: split by dimension
            cols = [c for c in columns[table] if c != "geometry"]
            key = "id" if "id" in cols else cols[0]
            select = ", ".join(quote_ident(c) for c in cols + ["geometry"])
            present = dimensions_present(database, table)
            for dimension, kind in ((2, "polygon"), (1, "line"), (0, "point")):
                if dimension not in present:  # the provider rejects an empty sub-query
                    continue
                subquery = "(SELECT %s FROM %s WHERE ST_Dimension(geometry) = %d)" % (
                    select, quote_ident(table), dimension)
                layer = open_layer(database, table, "%s:%s" % (table, kind), subquery, key)
                result.append(("%s:%s" % (table, kind), layer))
        else:
            result.append((table, open_layer(database, table, table)))
    opened = time.perf_counter()
    crs = QgsCoordinateReferenceSystem(PROJECT_CRS)
    for name, layer in result:
        if not layer.crs().isValid():
            layer.setCrs(crs)
        layer.setRenderer(style_layer(name, layer))
    LOAD_SPLIT["open_ms"] = (opened - started) * 1000.0
    LOAD_SPLIT["style_ms"] = (time.perf_counter() - opened) * 1000.0
    return result


LOAD_SPLIT = {}


# ---------------------------------------------------------------------------
# rendering


def parse_size(text):
    try:
        width, height = (int(v) for v in text.lower().split("x"))
        if width <= 0 or height <= 0:
            raise ValueError
        return width, height
    except ValueError:
        raise argparse.ArgumentTypeError("size must be WIDTHxHEIGHT, e.g. 1920x1080")


def parse_bbox(text):
    try:
        values = [float(v) for v in text.split(",")]
        if len(values) != 4 or values[0] >= values[2] or values[1] >= values[3]:
            raise ValueError
        return values
    except ValueError:
        raise argparse.ArgumentTypeError("bbox must be minx,miny,maxx,maxy with min < max")


def render_once(settings):
    job = QgsMapRendererParallelJob(settings)
    started = time.perf_counter()
    job.start()
    job.waitForFinished()
    elapsed = (time.perf_counter() - started) * 1000.0
    errors = ["%s: %s" % (e.layerID, e.message) for e in job.errors()]
    return elapsed, job.renderedImage(), errors


def percentile(values, fraction):
    """Nearest-rank percentile (p95 of 20 values = the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, int(-(-fraction * len(ordered) // 1)))  # ceil
    return ordered[min(rank, len(ordered)) - 1]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", help="Lagebild project (SpatiaLite file)")
    parser.add_argument("--out", required=True, help="PNG to write (the last frame)")
    parser.add_argument("--size", type=parse_size, default=(1920, 1080), help="WIDTHxHEIGHT")
    parser.add_argument("--bbox", type=parse_bbox, help="minx,miny,maxx,maxy in EPSG:25833 "
                        "(default: union of the layer extents)")
    parser.add_argument("--frames", type=int, default=20, help="timed frames (default 20)")
    parser.add_argument("--layers", help="comma-separated layers, bottom first (default: %s)"
                        % ",".join(DEFAULT_LAYERS))
    parser.add_argument("--first-frame", action="store_true",
                        help="also report the first render after load (always rendered, "
                             "never counted among --frames)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.frames < 1:
        parser.error("--frames must be at least 1")
    if not os.path.isfile(args.project):
        parser.error("no such project file: %s" % args.project)
    wanted = [v.strip() for v in args.layers.split(",")] if args.layers else None

    app = QgsApplication([], False)
    app.initQgis()
    if "spatialite" not in QgsProviderRegistry.instance().providerList():
        sys.stderr.write("qgis_render.py: this QGIS has no spatialite provider (install qgis-providers)\n")
        return 1
    try:
        database = os.path.abspath(args.project)
        if wanted is None:
            types, _ = registered_layers(database)
            wanted = [name for name in DEFAULT_LAYERS if name in types]

        started = time.perf_counter()
        layers = load_layers(database, wanted)
        load_ms = (time.perf_counter() - started) * 1000.0

        settings = QgsMapSettings()
        settings.setDestinationCrs(QgsCoordinateReferenceSystem(PROJECT_CRS))
        settings.setOutputSize(QSize(*args.size))
        settings.setOutputDpi(96)
        settings.setBackgroundColor(QColor(BACKGROUND))
        settings.setFlag(QgsMapSettings.Antialiasing, True)
        settings.setFlag(QgsMapSettings.UseRenderingOptimization, True)
        settings.setFlag(QgsMapSettings.DrawLabeling, False)
        # QgsMapSettings.setLayers wants the top layer first
        settings.setLayers([layer for _, layer in reversed(layers)])
        if args.bbox:
            extent = QgsRectangle(*args.bbox)
        else:
            extent = QgsRectangle()
            extent.setMinimal()
            for _, layer in layers:
                if not layer.extent().isEmpty():
                    extent.combineExtentWith(layer.extent())
        settings.setExtent(extent)

        first_ms, image, errors = render_once(settings)
        if errors:
            raise RuntimeError("render errors: " + "; ".join(errors))
        times = []
        for _ in range(args.frames):
            elapsed, image, errors = render_once(settings)
            if errors:
                raise RuntimeError("render errors: " + "; ".join(errors))
            times.append(elapsed)
        out = os.path.abspath(args.out)
        if not image.save(out, "PNG"):
            raise RuntimeError("could not write %s" % out)
    except RuntimeError as error:
        sys.stderr.write("qgis_render.py: %s\n" % error)
        return 1

    visible = settings.visibleExtent()
    result = {
        "frames": args.frames,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
        "load_ms": round(load_ms, 2),
        "qgis": Qgis.version().split("-")[0],
        "renderer": "QgsMapRendererParallelJob",
    }
    if args.first_frame:
        result["first_frame_ms"] = round(first_ms, 2)
    result.update({
        "load_open_ms": round(LOAD_SPLIT.get("open_ms", 0.0), 2),
        "load_style_ms": round(LOAD_SPLIT.get("style_ms", 0.0), 2),
        "min_ms": round(min(times), 2),
        "max_ms": round(max(times), 2),
        "size": "%dx%d" % args.size,
        "extent": [round(v, 2) for v in (visible.xMinimum(), visible.yMinimum(),
                                         visible.xMaximum(), visible.yMaximum())],
        "layers": {name: layer.featureCount() for name, layer in layers},
        "threads": QgsApplication.maxThreads(),
        "out": out,
    })
    if args.json:
        print(json.dumps(result))
    else:
        print("QGIS %s (%s), %s, %d layers, extent %s"
              % (Qgis.version(), result["renderer"], result["size"], len(layers),
                 ",".join("%.0f" % v for v in result["extent"])))
        print("load        %10.1f ms" % load_ms)
        if args.first_frame:
            print("first frame %10.1f ms" % first_ms)
        print("median      %10.1f ms  (%d frames)" % (result["median_ms"], args.frames))
        print("p95         %10.1f ms" % result["p95_ms"])
        print("wrote %s" % out)
    # leave without exitQgis(): its teardown is irrelevant here and can crash headless
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
