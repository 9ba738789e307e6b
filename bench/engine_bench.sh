#!/usr/bin/env bash
# Engine and hot-spot benchmark, all sides in one run, for each incident count:
#   - build/bench/engine_bench: query engine vs SpatiaLite SQL, KDE exact/fast, Gi* (in process);
#   - KDE quartic r=200 m, cell 10 m: `lagebild hotspots` (wall time, including loading the project) vs
#     QGIS's qgis:heatmapkerneldensityestimation through qgis_process on the same grid, with the Pearson r
#     of the two rasters (bench/kde_compare.py);
#   - Gi* 100 m grid, 300 m band: `lagebild hotspots` vs spdep::localG (bench/gistar_spdep.R; R time of
#     dnearneigh + nb2listw + localG only), with the largest z difference.
#   bench/engine_bench.sh [WORKDIR]   (COUNTS="100000 1000000" by default)
# Needs: qgis (qgis_process) and scripts/bench-packages.txt (scripts/install-deps.sh scripts/bench-packages.txt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${1:-/tmp/lagebild-engine-bench}"
lagebild="${LAGEBILD:-$repo/build/src/cli/lagebild}"
bench="$repo/build/bench/engine_bench"
counts="${COUNTS:-100000 1000000}"
# Debian's wrapper passes --noversioncheck, which qgis_process.bin rejects; call the binary directly.
qgis="/usr/bin/qgis_process.bin"
[[ -x "$qgis" ]] || qgis="qgis_process"
mkdir -p "$work"
seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }

for n in $counts; do
    project="$work/demo-$n.sqlite"
    [[ -f "$project" ]] || "$lagebild" demo "$project" --incidents "$n" > /dev/null
    echo "## $n incidents"
    "$bench" "$project" --repeat 3
    echo
    # KDE: QGIS first (it picks its own grid: the layer extent grown by the radius), then ours on that grid.
    qgis_tif="$work/qgis-$n.tif"
    rm -f "$qgis_tif"
    t_qgis=$(seconds env QT_QPA_PLATFORM=offscreen "$qgis" run qgis:heatmapkerneldensityestimation -- \
        "INPUT=$project|layername=incidents" RADIUS=200 PIXEL_SIZE=10 KERNEL=0 OUTPUT_VALUE=0 "OUTPUT=$qgis_tif")
    extent=$(gdalinfo -json "$qgis_tif" | /usr/bin/python3 -c '
import json, sys
i = json.load(sys.stdin); g = i["geoTransform"]; w, h = i["size"]
print(f"{g[0]},{g[3] + h * g[5]},{g[0] + w * g[1]},{g[3]}")')
    t_ours=$(seconds "$lagebild" hotspots "$project" --method kde --radius 200 --cell 10 --extent "$extent" \
        --out "$work/lagebild-$n.tif")
    t_fast=$(seconds "$lagebild" hotspots "$project" --method kde --mode fast --radius 200 --cell 10 \
        --extent "$extent" --out "$work/lagebild-fast-$n.tif")
    echo "KDE wall time (s): lagebild exact $t_ours, lagebild fast $t_fast, qgis_process $t_qgis"
    /usr/bin/python3 "$here/kde_compare.py" "$work/lagebild-$n.tif" "$qgis_tif"
    # Gi*.
    t_gi=$(seconds "$lagebild" hotspots "$project" --method gistar --cell 100 --distance 300 --out "$work/gi-$n.csv")
    t_r=$(seconds Rscript "$here/gistar_spdep.R" "$work/gi-$n.csv" 300)
    echo "Gi* wall time (s): lagebild $t_gi, Rscript total $t_r"
    Rscript "$here/gistar_spdep.R" "$work/gi-$n.csv" 300
    echo
done
