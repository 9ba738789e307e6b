#!/usr/bin/env bash
# Print layout benchmark: wall time of `lagebild render --out FILE.pdf` (the whole command: opening the
# project, loading the scene, laying out and writing the vector PDF) for A4 and A0 of the demo town, the A0
# also with the heat map, an A0 SVG, and how long poppler needs to open and rasterise the A0 page
# (`pdftoppm -r 20`, a viewer's first look). Median of RUNS runs each (default 5); one JSON line per case.
#   bench/print_bench.sh [WORKDIR]   (INCIDENTS=20000 by default)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${1:-/tmp/lagebild-print-bench}"
lagebild="${LAGEBILD:-$repo/build/src/cli/lagebild}"
incidents="${INCIDENTS:-20000}"
runs="${RUNS:-5}"
mkdir -p "$work"
project="$work/musterstadt-$incidents.sqlite"
[[ -f "$project" ]] || "$lagebild" demo "$project" --incidents "$incidents" >/dev/null

# median_seconds CMD...: runs the command RUNS times, prints the median wall time in seconds.
median_seconds() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'
}

report() {  # report NAME FILE SECONDS
    local size
    size=$(stat -c %s "$2")
    printf '{"case": "%s", "incidents": %s, "median_s": %s, "bytes": %s}\n' "$1" "$incidents" "$3" "$size"
}

t=$(median_seconds "$lagebild" render "$project" --out "$work/a4.pdf" --paper A4)
report "render A4 PDF" "$work/a4.pdf" "$t"
t=$(median_seconds "$lagebild" render "$project" --out "$work/a0.pdf" --paper A0)
report "render A0 PDF" "$work/a0.pdf" "$t"
t=$(median_seconds "$lagebild" render "$project" --out "$work/a0-heat.pdf" --paper A0 --heatmap)
report "render A0 PDF --heatmap" "$work/a0-heat.pdf" "$t"
t=$(median_seconds "$lagebild" render "$project" --out "$work/a0.svg" --paper A0)
report "render A0 SVG" "$work/a0.svg" "$t"
t=$(median_seconds pdftoppm -r 20 -png "$work/a0.pdf" "$work/a0-open")
report "pdftoppm -r 20 A0 PDF (open and rasterise)" "$work/a0.pdf" "$t"
t=$(median_seconds "$lagebild" render "$project" --out "$work/a4.png" --size 1600x1200)
report "render PNG 1600x1200 (GL, for comparison)" "$work/a4.png" "$t"
