# Minimum versions of our dependencies, in one place (Debian 12 ships these or newer).
set(LAGEBILD_MIN_GDAL 3.6)
set(LAGEBILD_MIN_PROJ 9.1)
set(LAGEBILD_MIN_GEOS 3.11)
set(LAGEBILD_MIN_SQLITE 3.40)
set(LAGEBILD_MIN_SPATIALITE 5.0)
set(LAGEBILD_MIN_FMT 9.1)
set(LAGEBILD_MIN_NLOHMANN_JSON 3.11)
set(LAGEBILD_MIN_CLI11 2.1)
