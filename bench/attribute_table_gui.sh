#!/usr/bin/env bash
# Frame times of the real lagebild-gui (Xvfb, Mesa llvmpipe) with the attribute table open on a large layer:
# scrolling through it with the wheel, dragging nothing else, then sorting by columns with header clicks and
# filtering. Each phase prints one JSON line: frames, frame_ms_max, frame_ms_mean (input, UI and ImGui's
# drawing, without the buffer swap), and the model's own sort/filter time.
#   bench/attribute_table_gui.sh PROJECT [BUILD_DIR] [LAYER]
set -euo pipefail
project=$(realpath "$1")
build=$(realpath "${2:-build}")
layer=${3:-incidents}
work=$(mktemp -d)
trap 'rm -rf "$work" || true' EXIT
{
    echo "wait_ready"
    echo "show_table $layer"
    echo "frames 5"
    echo "wait_idle"
    echo "frames 5"
    echo "stats_reset"
    for _ in $(seq 40); do echo "wheel @table.body -25"; done
    echo "print scroll"
    for column in time category subcategory source; do
        echo "stats_reset"
        echo "click @table.header.$column"
        echo "frames 3"
        echo "print sort_${column}_asc"
        echo "stats_reset"
        echo "click @table.header.$column"
        echo "frames 3"
        echo "print sort_${column}_desc"
    done
    echo "stats_reset"
    echo "click @table.filter.category"
    echo "frames 2"
    echo "type graffiti"
    echo "key enter"
    echo "frames 3"
    echo "print filter_typed"
    echo "stats_reset"
    for _ in $(seq 20); do echo "wheel @table.body -25"; done
    echo "print scroll_filtered"
} > "$work/script.txt"
mkdir -p "$work/config"
XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$build/src/app/lagebild-gui" --size 1920x1080 --script "$work/script.txt" "$project"
