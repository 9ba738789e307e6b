#!/usr/bin/env bash
# Public export benchmark (issue 11), all sides in one run on a project with many incidents:
#   - build/bench/export_bench: the incidents read and aggregated through the public gate (grid + districts),
#     the GeoPackage written, and SpatiaLite SQL counting the same grid (in process, median of 3);
#   - wall and CPU time of `lagebild export --public --layer incidents` and of the whole public export;
#   - the peer: ogr2ogr exporting the raw incidents layer to a GeoPackage.
#   bench/export_bench.sh PROJECT [WORKDIR]
# Make PROJECT with `lagebild demo big.lagebild --incidents 1000000` (about two minutes). Nothing here
# changes PROJECT.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
project="$1"
work="${2:-/tmp/lagebild-export-bench}"
lagebild="${LAGEBILD:-$repo/build/src/cli/lagebild}"
mkdir -p "$work"
timed() {  # prints "wall s (user+sys s CPU)"
    local log wall user sys
    log=$(mktemp)
    /usr/bin/time -o "$log" -f "%e %U %S" "$@" > /dev/null 2>&1
    read -r wall user sys < "$log"
    rm -f "$log"
    echo "$wall s (CPU $(echo "$user + $sys" | bc) s)"
}
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"$repo/build/bench/export_bench" "$project" --repeat 3
rm -f "$work"/*.gpkg
echo "lagebild export --public --layer incidents: $(timed "$lagebild" export "$project" --out "$work/public-incidents.gpkg" --public --layer incidents)"
echo "lagebild export --public (every layer):     $(timed "$lagebild" export "$project" --out "$work/public-all.gpkg" --public)"
echo "peer: ogr2ogr raw incidents to GeoPackage:  $(timed ogr2ogr -f GPKG "$work/ogr2ogr-incidents.gpkg" "$project" incidents)"
echo "lagebild export --layer incidents (raw):    $(timed "$lagebild" export "$project" --out "$work/raw-incidents.gpkg" --layer incidents)"
