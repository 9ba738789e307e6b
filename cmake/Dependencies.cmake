# Dependencies: find_package(... CONFIG) first, pkg-config as fallback. All come from Debian packages;
# third_party_notes.md lists each with version and licence.
include(MinimumVersions)
find_package(PkgConfig REQUIRED)

find_package(GDAL ${LAGEBILD_MIN_GDAL} CONFIG QUIET)
if(NOT GDAL_FOUND)
    pkg_check_modules(GDAL REQUIRED IMPORTED_TARGET gdal>=${LAGEBILD_MIN_GDAL})
    add_library(GDAL::GDAL ALIAS PkgConfig::GDAL)
endif()

find_package(PROJ ${LAGEBILD_MIN_PROJ} CONFIG QUIET)
if(NOT PROJ_FOUND)
    pkg_check_modules(PROJ REQUIRED IMPORTED_TARGET proj>=${LAGEBILD_MIN_PROJ})
    add_library(PROJ::proj ALIAS PkgConfig::PROJ)
endif()

find_package(GEOS ${LAGEBILD_MIN_GEOS} CONFIG QUIET)
if(NOT GEOS_FOUND)
    pkg_check_modules(GEOS REQUIRED IMPORTED_TARGET geos>=${LAGEBILD_MIN_GEOS})
    add_library(GEOS::geos_c ALIAS PkgConfig::GEOS)
endif()

pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3>=${LAGEBILD_MIN_SQLITE})
pkg_check_modules(SPATIALITE REQUIRED IMPORTED_TARGET spatialite>=${LAGEBILD_MIN_SPATIALITE})

find_package(BZip2 REQUIRED)
find_package(fmt ${LAGEBILD_MIN_FMT} CONFIG REQUIRED)
find_package(nlohmann_json ${LAGEBILD_MIN_NLOHMANN_JSON} CONFIG REQUIRED)
find_package(CLI11 ${LAGEBILD_MIN_CLI11} CONFIG REQUIRED)
find_package(Threads REQUIRED)

message(STATUS "GDAL ${GDAL_VERSION}, PROJ ${PROJ_VERSION}, GEOS ${GEOS_VERSION}, SQLite ${SQLITE3_VERSION}, "
               "SpatiaLite ${SPATIALITE_VERSION}, fmt ${fmt_VERSION}, nlohmann_json ${nlohmann_json_VERSION}, "
               "CLI11 ${CLI11_VERSION}")

# Rendering: GL loader (with EGL for headless contexts), PNG/PDF through Cairo, glyphs through FreeType.
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy>=${LAGEBILD_MIN_EPOXY})
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo>=${LAGEBILD_MIN_CAIRO})
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2>=${LAGEBILD_MIN_FREETYPE})
