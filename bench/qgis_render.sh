#!/usr/bin/env bash
# QGIS side of the Lagebild-vs-QGIS render benchmark.
#
#   bench/qgis_render.sh [WORKDIR]        (default /tmp/lagebild-render-bench)
#
# Creates (once) the demo town with 100000 and with 1000000 incidents through the
# lagebild CLI in WORKDIR, then renders each with bench/qgis_render.py: 1920x1080,
# full extent, all layers, 20 timed frames after one separately timed first frame.
# Prints a table and keeps the JSON results (results.jsonl) and the PNGs in WORKDIR.
#
# Environment: LAGEBILD (the CLI, default build/src/cli/lagebild), QGIS_PYTHON (a
# python3 that can import qgis.core, default: Debian's /usr/bin/python3), FRAMES
# (default 20), SIZE (default 1920x1080), COUNTS (default "100000 1000000").
# Needs: apt-get install -y --no-install-recommends qgis python3-qgis
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${1:-/tmp/lagebild-render-bench}"
lagebild="${LAGEBILD:-$repo/build/src/cli/lagebild}"
frames="${FRAMES:-20}"
size="${SIZE:-1920x1080}"
counts="${COUNTS:-100000 1000000}"

die() { echo "qgis_render.sh: $*" >&2; exit 1; }

# --- QGIS ------------------------------------------------------------------
# A pyenv/venv python3 earlier in PATH does not see Debian's dist-packages, so try
# Debian's interpreter first.
python=""
for candidate in ${QGIS_PYTHON:-} /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        QT_QPA_PLATFORM=offscreen "$candidate" -c 'import qgis.core' >/dev/null 2>&1; then
        python="$candidate"
        break
    fi
done
if [[ -z "$python" ]]; then
    die "PyQGIS not found (no python3 here can 'import qgis.core').
Install QGIS from Debian:  sudo apt-get install -y --no-install-recommends qgis python3-qgis
or point QGIS_PYTHON at a python3 that has it."
fi
qgis_version="$(dpkg-query -W -f='${Version}' qgis 2>/dev/null || true)"
[[ -n "$qgis_version" ]] || qgis_version="$(QT_QPA_PLATFORM=offscreen "$python" -c \
    'from qgis.core import Qgis; print(Qgis.version())' 2>/dev/null || echo unknown)"

# --- projects --------------------------------------------------------------
[[ -x "$lagebild" ]] || die "lagebild CLI not found at $lagebild (build it with scripts/build.sh or set LAGEBILD)"
mkdir -p "$work"

project_for() { echo "$work/musterstadt-$1.sqlite"; }

for count in $counts; do
    project="$(project_for "$count")"
    # the .ok marker is written only after the CLI succeeded, so a killed run is redone
    if [[ -f "$project" && -f "$project.ok" ]]; then
        echo "reusing $project"
        continue
    fi
    echo "creating $project ($count incidents) ..."
    rm -f "$project" "$project-wal" "$project-shm" "$project.ok"
    start=$(date +%s)
    if ! "$lagebild" demo "$project" --incidents "$count" --seed 1 --force >"$work/demo-$count.log" 2>&1; then
        cat "$work/demo-$count.log" >&2
        die "lagebild demo failed for $count incidents (log: $work/demo-$count.log)"
    fi
    touch "$project.ok"
    echo "  done in $(( $(date +%s) - start )) s"
done

# --- first open --------------------------------------------------------------
# The first time QGIS's spatialite provider opens a layer whose statistics are not yet
# in the file, it computes them (row count, extent) and WRITES them into the project
# (geometry_columns_statistics & co.). That one-off cost is measured here, once per
# project, as the load_ms of a 1-frame run, and kept in prime-COUNT.json; the timed
# runs below then see the steady state a user sees from the second open on.
for count in $counts; do
    project="$(project_for "$count")"
    prime="$work/prime-$count.json"
    [[ -s "$prime" ]] && continue
    echo "first QGIS open of $project ..."
    if ! QT_QPA_PLATFORM=offscreen "$python" "$here/qgis_render.py" "$project" \
        --out "$work/prime-$count.png" --size "$size" --frames 1 --first-frame --json \
        >"$prime.tmp" 2>"$work/prime-$count.log"; then
        grep -v '^QStandardPaths' "$work/prime-$count.log" >&2 || true
        die "qgis_render.py failed on $project (log: $work/prime-$count.log)"
    fi
    mv "$prime.tmp" "$prime"
done

# --- render ----------------------------------------------------------------
results="$work/results.jsonl"
: >"$results"
echo
echo "QGIS $qgis_version, python $python, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if pgrep -f import_bench >/dev/null 2>&1; then
    echo "warning: import_bench is running; timings will be disturbed" >&2
fi
for count in $counts; do
    project="$(project_for "$count")"
    png="$work/qgis-$count.png"
    if ! QT_QPA_PLATFORM=offscreen "$python" "$here/qgis_render.py" "$project" \
        --out "$png" --size "$size" --frames "$frames" --first-frame --json \
        >"$work/render-$count.json" 2>"$work/render-$count.log"; then
        grep -v '^QStandardPaths' "$work/render-$count.log" >&2 || true
        die "qgis_render.py failed on $project (log: $work/render-$count.log)"
    fi
    # add the first-open load of this project to its result line
    "$python" - "$work/render-$count.json" "$work/prime-$count.json" >>"$results" <<'EOF'
import json, sys
result = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
prime = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
result["first_open_load_ms"] = prime["load_ms"]
print(json.dumps(result))
EOF
done

"$python" - "$results" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
print()
print("%-10s %9s %12s %9s %10s %9s %7s  %s" % (
    "incidents", "load ms", "1st-open ms", "first ms", "median ms", "p95 ms", "frames", "png"))
for r in rows:
    print("%-10d %9.1f %12.1f %9.1f %10.1f %9.1f %7d  %s" % (
        r["layers"].get("incidents", 0), r["load_ms"], r["first_open_load_ms"],
        r["first_frame_ms"], r["median_ms"], r["p95_ms"], r["frames"], r["out"]))
print()
print("load = open + style the layers (steady state); 1st-open = load the very first time QGIS")
print("opened the project (it computes and stores layer statistics then); first = first render")
print("after load; median/p95 over the timed frames that follow it.")
print("QGIS %s, %s, %s, full extent, all layers; results in %s" % (
    rows[0]["qgis"], rows[0]["renderer"], rows[0]["size"], sys.argv[1]))
EOF
