#!/usr/bin/env bash
# Resident memory of the real lagebild-gui (Xvfb, Mesa llvmpipe) on a project: after the map is loaded, after
# the query panel ran its first query (the engine has loaded the incidents), after a heatmap and after the
# attribute table of the incidents is open. Each phase prints one JSON line with rss_mib and peak_rss_mib.
#   bench/gui_memory.sh PROJECT [BUILD_DIR]
# A project with 1,000,000 incidents: build/src/cli/lagebild demo big.lagebild --incidents 1000000
set -euo pipefail
project=$(realpath "$1")
build=$(realpath "${2:-build}")
work=$(mktemp -d)
trap 'rm -rf "$work" || true' EXIT
cat > "$work/script.txt" <<'SCRIPT'
wait_ready
frames 10
wait_idle
print map_loaded
show_query
frames 5
wait_idle
frames 10
print query_done
show_heatmap
frames 5
wait_idle
frames 10
print heatmap_done
show_table incidents
frames 5
wait_idle
frames 10
print table_open
SCRIPT
mkdir -p "$work/config"
XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 1600x900x24" \
    "$build/src/app/lagebild-gui" --size 1600x900 --script "$work/script.txt" "$project" |
    grep '^{' | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({k: d.get(k) for k in ("label", "count", "table_rows", "rss_mib", "peak_rss_mib")}))'
