#include "store/detail/sql_function_allow_list.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace lb::store::detail {
namespace {

using namespace std::string_view_literals;

// Sorted (checked by a static_assert below), lower case. A name belongs here only if the function is pure
// or reads nothing but the connection's own tables and PROJ's database. Deliberately absent:
// - file, network and code: load_extension, readfile/writefile, fts3_tokenizer, Import*/Export*,
//   BlobFromFile/BlobToFile, ZipFile_*, XB_* (XML documents, XB_LoadXML/XB_StoreXML read and write files),
//   *Kml*/*Gml* and *FromPath helpers, PROJ_SetDatabasePath/PROJ_GetDatabasePath;
// - stored procedures and variables: SqlProc_*, StoredProc_*, StoredVar_*;
// - anything that creates, drops, registers or repairs schema objects (Init*, Create*, Drop*, Add*,
//   Discard*, Recover*, Register*, Rebuild*, Update*, Upgrade*, Enable*/Disable*, CloneTable, SE_*, WMS_*,
//   RL2_*, the topology and network functions, GPKG creators, CheckSpatialIndex and the other maintenance
//   checks, RTree debugging helpers);
// - session side effects or stalls: sequence_*, Pause, usleep, sqlite_log;
// - geometry generators that turn one call into unbounded memory outside SQLite's heap, which neither the
//   deadline nor the memory limit can stop mid-call: HexagonalGrid, SquareGrid, TriangularGrid, Segmentize,
//   Line_Interpolate_Equidistant_Points.
// A table, many names a line:
// clang-format off
constexpr auto kAllowed = std::to_array<std::string_view>({
    "->"sv, "->>"sv, "abs"sv, "acos"sv, "acosh"sv, "addpoint"sv, "area"sv, "asbinary"sv, "asewkb"sv, "asewkt"sv,
    "asfgf"sv, "asgeojson"sv, "asgpb"sv, "asin"sv, "asinh"sv, "assvg"sv, "astext"sv, "astwkb"sv, "aswkt"sv,
    "asx3d"sv, "atan"sv, "atan2"sv, "atanh"sv, "atm_astext"sv, "atm_create"sv, "atm_createrotate"sv,
    "atm_createscale"sv, "atm_createtranslate"sv, "atm_createxroll"sv, "atm_createyroll"sv, "atm_createzroll"sv,
    "atm_determinant"sv, "atm_invert"sv, "atm_isinvertible"sv, "atm_isvalid"sv, "atm_multiply"sv, "atm_rotate"sv,
    "atm_scale"sv, "atm_transform"sv, "atm_translate"sv, "atm_xroll"sv, "atm_yroll"sv, "atm_zroll"sv, "avg"sv,
    "azimuth"sv, "bdmpolyfromtext"sv, "bdmpolyfromwkb"sv, "bdpolyfromtext"sv, "bdpolyfromwkb"sv, "boundary"sv,
    "buffer"sv, "bufferoptions_getendcapstyle"sv, "bufferoptions_getjoinstyle"sv, "bufferoptions_getmitrelimit"sv,
    "bufferoptions_getquadrantsegments"sv, "bufferoptions_reset"sv, "bufferoptions_setendcapstyle"sv,
    "bufferoptions_setjoinstyle"sv, "bufferoptions_setmitrelimit"sv, "bufferoptions_setquadrantsegments"sv,
    "buildarea"sv, "buildcirclembr"sv, "buildmbr"sv, "castautomagic"sv, "casttoblob"sv, "casttodouble"sv,
    "casttogeometrycollection"sv, "casttointeger"sv, "casttolinestring"sv, "casttomulti"sv,
    "casttomultilinestring"sv, "casttomultipoint"sv, "casttomultipolygon"sv, "casttopoint"sv, "casttopolygon"sv,
    "casttosingle"sv, "casttotext"sv, "casttoxy"sv, "casttoxym"sv, "casttoxyz"sv, "casttoxyzm"sv, "ceil"sv,
    "ceiling"sv, "centroid"sv, "changes"sv, "char"sv, "circularity"sv, "closestpoint"sv, "coalesce"sv, "collect"sv,
    "collectionextract"sv, "compressgeometry"sv, "concavehull"sv, "contains"sv, "convexhull"sv, "coorddimension"sv,
    "cos"sv, "cosh"sv, "cot"sv, "count"sv, "coveredby"sv, "covers"sv, "createuuid"sv, "crosses"sv, "cume_dist"sv,
    "current_date"sv, "current_time"sv, "current_timestamp"sv, "curvosityindex"sv, "cvtfromch"sv, "cvtfromcm"sv,
    "cvtfromdm"sv, "cvtfromfath"sv, "cvtfromft"sv, "cvtfromin"sv, "cvtfromindch"sv, "cvtfromindft"sv,
    "cvtfromindyd"sv, "cvtfromkm"sv, "cvtfromkmi"sv, "cvtfromlink"sv, "cvtfrommi"sv, "cvtfrommm"sv, "cvtfromusch"sv,
    "cvtfromusft"sv, "cvtfromusin"sv, "cvtfromusmi"sv, "cvtfromusyd"sv, "cvtfromyd"sv, "cvttoch"sv, "cvttocm"sv,
    "cvttodm"sv, "cvttofath"sv, "cvttoft"sv, "cvttoin"sv, "cvttoindch"sv, "cvttoindft"sv, "cvttoindyd"sv,
    "cvttokm"sv, "cvttokmi"sv, "cvttolink"sv, "cvttomi"sv, "cvttomm"sv, "cvttousch"sv, "cvttousft"sv, "cvttousin"sv,
    "cvttousmi"sv, "cvttousyd"sv, "cvttoyd"sv, "date"sv, "datetime"sv, "decodeurl"sv, "degrees"sv,
    "delaunaytriangulation"sv, "dense_rank"sv, "difference"sv, "dimension"sv, "disjoint"sv, "dissolvepoints"sv,
    "dissolvesegments"sv, "distance"sv, "downhillheight"sv, "encodeurl"sv, "endpoint"sv, "envelope"sv, "equals"sv,
    "exp"sv, "extent"sv, "exteriorring"sv, "extractmultilinestring"sv, "extractmultipoint"sv,
    "extractmultipolygon"sv, "filtermbrcontains"sv, "filtermbrintersects"sv, "filtermbrwithin"sv, "first_value"sv,
    "floor"sv, "forceasnull"sv, "format"sv, "frechetdistance"sv, "garsmbr"sv, "gcp2atm"sv, "gcp_astext"sv,
    "gcp_compute"sv, "gcp_isvalid"sv, "gcp_transform"sv, "geodesicarcarea"sv, "geodesicarcheight"sv,
    "geodesicarclength"sv, "geodesiccentralangle"sv, "geodesicchordlength"sv, "geodesiclength"sv, "geohash"sv,
    "geomcollfromtext"sv, "geomcollfromwkb"sv, "geometryaliastype"sv, "geometrycollectionfromtext"sv,
    "geometrycollectionfromwkb"sv, "geometryfromtext"sv, "geometryfromwkb"sv, "geometryn"sv,
    "geometrypointencode"sv, "geometrytype"sv, "geomfromewkb"sv, "geomfromewkt"sv, "geomfromexifgpsblob"sv,
    "geomfromfgf"sv, "geomfromgeojson"sv, "geomfromgpb"sv, "geomfromtext"sv, "geomfromtwkb"sv, "geomfromwkb"sv,
    "geos_getcriticalpointfrommsg"sv, "geos_getlastauxerrormsg"sv, "geos_getlasterrormsg"sv,
    "geos_getlastwarningmsg"sv, "geos_version"sv, "getdecimalprecision"sv, "getlayerextent"sv, "getmimetype"sv,
    "glength"sv, "glob"sv, "gpkg_isassignable"sv, "gpkggetimagetype"sv, "gpkgmakepoint"sv, "gpkgmakepointm"sv,
    "gpkgmakepointz"sv, "gpkgmakepointzm"sv, "greatcirclelength"sv, "group_concat"sv, "gunion"sv, "hasepsg"sv,
    "hasfreexl"sv, "hasgcp"sv, "hasgeocallbacks"sv, "hasgeopackage"sv, "hasgeos"sv, "hasgeosadvanced"sv,
    "hasgeosonlyreentrant"sv, "hasgeosreentrant"sv, "hasgeostrunk"sv, "hasgroundcontrolpoints"sv, "hasiconv"sv,
    "hasknn"sv, "haslibxml2"sv, "hasmathsql"sv, "hasminzip"sv, "hasproj"sv, "hasproj6"sv, "hasprojgeodesic"sv,
    "hasrouting"sv, "hasrttopo"sv, "hastopology"sv, "hausdorffdistance"sv, "hex"sv, "ifnull"sv, "iif"sv, "instr"sv,
    "interiorringn"sv, "intersection"sv, "intersects"sv, "isclosed"sv, "iscompressedgeometryblob"sv,
    "isdecimalnumber"sv, "isempty"sv, "isexifblob"sv, "isexifgpsblob"sv, "isgeometryblob"sv, "isgifblob"sv,
    "isinteger"sv, "isjp2blob"sv, "isjpegblob"sv, "islowascii"sv, "isnumber"sv, "ispdfblob"sv, "ispngblob"sv,
    "isring"sv, "issimple"sv, "istiffblob"sv, "istinypointblob"sv, "isvalid"sv, "isvaliddetail"sv, "isvalidgpb"sv,
    "isvalidreason"sv, "iswebpblob"sv, "json"sv, "json_array"sv, "json_array_length"sv, "json_extract"sv,
    "json_group_array"sv, "json_group_object"sv, "json_insert"sv, "json_object"sv, "json_patch"sv, "json_quote"sv,
    "json_remove"sv, "json_replace"sv, "json_set"sv, "json_type"sv, "json_valid"sv, "julianday"sv, "lag"sv,
    "last_insert_rowid"sv, "last_value"sv, "latitudefromdms"sv, "lead"sv, "length"sv, "like"sv, "likelihood"sv,
    "likely"sv, "line_interpolate_point"sv, "line_locate_point"sv, "line_substring"sv, "linefromtext"sv,
    "linefromwkb"sv, "linemerge"sv, "linescutatnodes"sv, "linesfromrings"sv, "linestringavgsegmentlength"sv,
    "linestringfromtext"sv, "linestringfromwkb"sv, "linestringmaxsegmentlength"sv, "linestringminsegmentlength"sv,
    "ln"sv, "log"sv, "log10"sv, "log2"sv, "longitudefromdms"sv, "longlattodms"sv, "lower"sv, "ltrim"sv, "m"sv,
    "makearc"sv, "makecircle"sv, "makecircularsector"sv, "makecircularstripe"sv, "makeellipse"sv,
    "makeellipticarc"sv, "makeellipticsector"sv, "makeline"sv, "makepoint"sv, "makepointm"sv, "makepointz"sv,
    "makepointzm"sv, "makepolygon"sv, "makestringlist"sv, "makevalid"sv, "makevaliddiscarded"sv, "max"sv,
    "maxdistance"sv, "mbrcontains"sv, "mbrdisjoint"sv, "mbrequal"sv, "mbrintersects"sv, "mbrmaxx"sv, "mbrmaxy"sv,
    "mbrminx"sv, "mbrminy"sv, "mbroverlaps"sv, "mbrtouches"sv, "mbrwithin"sv, "md5checksum"sv, "md5totalchecksum"sv,
    "min"sv, "mlinefromtext"sv, "mlinefromwkb"sv, "mod"sv, "mpointfromtext"sv, "mpointfromwkb"sv, "mpolyfromtext"sv,
    "mpolyfromwkb"sv, "multilinestringfromtext"sv, "multilinestringfromwkb"sv, "multipointfromtext"sv,
    "multipointfromwkb"sv, "multipolygonfromtext"sv, "multipolygonfromwkb"sv, "normalizelonlat"sv, "nth_value"sv,
    "ntile"sv, "nullif"sv, "numgeometries"sv, "numinteriorring"sv, "numinteriorrings"sv, "numpoints"sv,
    "offsetcurve"sv, "overlaps"sv, "percent_rank"sv, "perimeter"sv, "pi"sv, "pointfromtext"sv, "pointfromwkb"sv,
    "pointn"sv, "pointonsurface"sv, "polyfromtext"sv, "polyfromwkb"sv, "polygonfromtext"sv, "polygonfromwkb"sv,
    "polygonize"sv, "pow"sv, "power"sv, "printf"sv, "proj4_version"sv, "proj_asprojstring"sv, "proj_aswkt"sv,
    "proj_getlasterrormsg"sv, "proj_guesssridfromwkt"sv, "proj_version"sv, "project"sv, "ptdistwithin"sv, "quote"sv,
    "radians"sv, "random"sv, "randomblob"sv, "rank"sv, "reflectcoordinates"sv, "reflectcoords"sv, "relate"sv,
    "removeextraspaces"sv, "removepoint"sv, "removerepeatedpoints"sv, "replace"sv, "ringscutatnodes"sv,
    "rotatecoordinates"sv, "rotatecoords"sv, "round"sv, "row_number"sv, "rtrim"sv, "rttopo_getlasterrormsg"sv,
    "rttopo_getlastwarningmsg"sv, "rttopo_version"sv, "sanitizegeometry"sv, "scalecoordinates"sv, "scalecoords"sv,
    "selfintersections"sv, "setdecimalprecision"sv, "setendpoint"sv, "setpoint"sv, "setsrid"sv, "setstartpoint"sv,
    "sharedpaths"sv, "shiftcoordinates"sv, "shiftcoords"sv, "shortestline"sv, "sign"sv, "simplify"sv,
    "simplifypreservetopology"sv, "sin"sv, "singlesidedbuffer"sv, "sinh"sv, "snap"sv, "snapandsplit"sv,
    "snaptogrid"sv, "soundex"sv, "spatialite_target_cpu"sv, "spatialite_version"sv, "split"sv, "splitleft"sv,
    "splitright"sv, "sqlite_compileoption_get"sv, "sqlite_compileoption_used"sv, "sqlite_source_id"sv,
    "sqlite_version"sv, "sqrt"sv, "srid"sv, "sridfromauthcrs"sv, "sridgetaxis_1_name"sv,
    "sridgetaxis_1_orientation"sv, "sridgetaxis_2_name"sv, "sridgetaxis_2_orientation"sv, "sridgetdatum"sv,
    "sridgetellipsoid"sv, "sridgetprimemeridian"sv, "sridgetprojection"sv, "sridgetspheroid"sv, "sridgetunit"sv,
    "sridhasflippedaxes"sv, "sridisgeographic"sv, "sridisprojected"sv, "st_3ddistance"sv, "st_3dlength"sv,
    "st_3dmaxdistance"sv, "st_addmeasure"sv, "st_addpoint"sv, "st_area"sv, "st_asbinary"sv,
    "st_asencodedpolyline"sv, "st_astext"sv, "st_asx3d"sv, "st_azimuth"sv, "st_bdmpolyfromtext"sv,
    "st_bdmpolyfromwkb"sv, "st_bdpolyfromtext"sv, "st_bdpolyfromwkb"sv, "st_boundary"sv, "st_buffer"sv,
    "st_buildarea"sv, "st_centroid"sv, "st_closestpoint"sv, "st_collect"sv, "st_collectionextract"sv,
    "st_concavehull"sv, "st_contains"sv, "st_convexhull"sv, "st_coveredby"sv, "st_covers"sv, "st_crosses"sv,
    "st_curvosityindex"sv, "st_delaunaytriangulation"sv, "st_difference"sv, "st_dimension"sv, "st_disjoint"sv,
    "st_dissolvepoints"sv, "st_dissolvesegments"sv, "st_distance"sv, "st_downhillheight"sv, "st_drapeline"sv,
    "st_drapelineexceptions"sv, "st_endpoint"sv, "st_envelope"sv, "st_envelopesintersects"sv, "st_envintersects"sv,
    "st_equals"sv, "st_expand"sv, "st_exteriorring"sv, "st_forcelhr"sv, "st_forcepolygonccw"sv,
    "st_forcepolygoncw"sv, "st_frechetdistance"sv, "st_generalize"sv, "st_geohash"sv, "st_geomcollfromtext"sv,
    "st_geomcollfromwkb"sv, "st_geometrycollectionfromtext"sv, "st_geometrycollectionfromwkb"sv,
    "st_geometryfromtext"sv, "st_geometryfromwkb"sv, "st_geometryn"sv, "st_geometrytype"sv, "st_geomfromtext"sv,
    "st_geomfromwkb"sv, "st_hausdorffdistance"sv, "st_interiorringn"sv, "st_interpolatepoint"sv,
    "st_intersection"sv, "st_intersects"sv, "st_is3d"sv, "st_isclosed"sv, "st_isempty"sv, "st_ismeasured"sv,
    "st_ispolygonccw"sv, "st_ispolygoncw"sv, "st_isring"sv, "st_issimple"sv, "st_isvalid"sv, "st_isvaliddetail"sv,
    "st_isvalidreason"sv, "st_isvalidtrajectory"sv, "st_length"sv, "st_line_interpolate_point"sv,
    "st_line_locate_point"sv, "st_line_substring"sv, "st_linefromencodedpolyline"sv, "st_linefromtext"sv,
    "st_linefromwkb"sv, "st_linemerge"sv, "st_linescutatnodes"sv, "st_linesfromrings"sv,
    "st_linestringavgsegmentlength"sv, "st_linestringfromtext"sv, "st_linestringfromwkb"sv,
    "st_linestringmaxsegmentlength"sv, "st_linestringminsegmentlength"sv, "st_locate_along_measure"sv,
    "st_locate_between_measures"sv, "st_locatealong"sv, "st_locatebetween"sv, "st_m"sv, "st_makepolygon"sv,
    "st_makevalid"sv, "st_makevaliddiscarded"sv, "st_maxdistance"sv, "st_maxm"sv, "st_maxx"sv, "st_maxy"sv,
    "st_maxz"sv, "st_minm"sv, "st_minx"sv, "st_miny"sv, "st_minz"sv, "st_mlinefromtext"sv, "st_mlinefromwkb"sv,
    "st_mpointfromtext"sv, "st_mpointfromwkb"sv, "st_mpolyfromtext"sv, "st_mpolyfromwkb"sv, "st_multi"sv,
    "st_multilinestringfromtext"sv, "st_multilinestringfromwkb"sv, "st_multipointfromtext"sv,
    "st_multipointfromwkb"sv, "st_multipolygonfromtext"sv, "st_multipolygonfromwkb"sv, "st_ndims"sv, "st_node"sv,
    "st_npoints"sv, "st_nrings"sv, "st_numgeometries"sv, "st_numinteriorring"sv, "st_numpoints"sv,
    "st_offsetcurve"sv, "st_overlaps"sv, "st_perimeter"sv, "st_point"sv, "st_pointfromtext"sv, "st_pointfromwkb"sv,
    "st_pointn"sv, "st_pointonsurface"sv, "st_polyfromtext"sv, "st_polyfromwkb"sv, "st_polygonfromtext"sv,
    "st_polygonfromwkb"sv, "st_polygonize"sv, "st_project"sv, "st_relate"sv, "st_relatematch"sv, "st_removepoint"sv,
    "st_reverse"sv, "st_ringscutatnodes"sv, "st_selfintersections"sv, "st_setendpoint"sv, "st_setpoint"sv,
    "st_setstartpoint"sv, "st_sharedpaths"sv, "st_shift_longitude"sv, "st_shortestline"sv, "st_simplify"sv,
    "st_simplifypreservetopology"sv, "st_singlesidedbuffer"sv, "st_snap"sv, "st_snapandsplit"sv, "st_snaptogrid"sv,
    "st_split"sv, "st_splitleft"sv, "st_splitright"sv, "st_srid"sv, "st_startpoint"sv, "st_subdivide"sv,
    "st_symdifference"sv, "st_touches"sv, "st_trajectoryinterpolatepoint"sv, "st_transform"sv, "st_transformxy"sv,
    "st_transformxyz"sv, "st_translate"sv, "st_unaryunion"sv, "st_union"sv, "st_updownheight"sv,
    "st_uphillheight"sv, "st_voronojdiagram"sv, "st_within"sv, "st_wkbtosql"sv, "st_wkttosql"sv, "st_x"sv, "st_y"sv,
    "st_z"sv, "startpoint"sv, "stddev_pop"sv, "stddev_samp"sv, "strftime"sv, "substr"sv, "substring"sv, "sum"sv,
    "swapcoordinates"sv, "swapcoords"sv, "symdifference"sv, "tan"sv, "tanh"sv, "time"sv, "tinypointencode"sv,
    "togars"sv, "total"sv, "total_changes"sv, "touches"sv, "transform"sv, "transformxy"sv, "transformxyz"sv,
    "trim"sv, "trunc"sv, "typeof"sv, "unaryunion"sv, "uncompressgeometry"sv, "unicode"sv, "unixepoch"sv,
    "unlikely"sv, "updownheight"sv, "uphillheight"sv, "upper"sv, "var_pop"sv, "var_samp"sv, "voronojdiagram"sv,
    "within"sv, "x"sv, "y"sv, "z"sv, "zeroblob"sv,
});
// clang-format on

static_assert(std::is_sorted(kAllowed.begin(), kAllowed.end()), "keep kAllowed sorted: it is binary-searched");

}  // namespace

bool sqlFunctionAllowed(std::string_view lowerName) {
    return std::binary_search(kAllowed.begin(), kAllowed.end(), lowerName);
}

}  // namespace lb::store::detail
