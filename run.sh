#!/usr/bin/env bash
# Installs what is missing, builds, creates the demo town "Musterstadt" (demo/musterstadt.sqlite) if it
# does not exist yet, prints its layers, renders its map with the incident heatmap (headless) to
# demo/musterstadt.png, and opens the workstation on it when there is a display (not in CI, not with
# LAGEBILD_NO_GUI=1); otherwise it says what to run.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x build/src/cli/lagebild ]; then
    echo "Lagebild: installing what is missing and building. The first build takes about 15 minutes on" \
        "two cores; later runs take seconds." >&2
fi
scripts/install-deps.sh
scripts/build.sh
mkdir -p demo
[ -f demo/musterstadt.sqlite ] || build/src/cli/lagebild demo demo/musterstadt.sqlite
build/src/cli/lagebild info demo/musterstadt.sqlite
build/src/cli/lagebild render demo/musterstadt.sqlite --out demo/musterstadt.png --size 1600x1200 --heatmap
echo "Map with the incident heatmap: demo/musterstadt.png"
if [ -n "${CI:-}" ] || [ -n "${LAGEBILD_NO_GUI:-}" ] || { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; }; then
    echo "No display here, so the workstation was not opened. On a desktop, run:"
    echo "  build/src/cli/lagebild gui demo/musterstadt.sqlite"
    echo "Without a desktop, a picture of it (Xvfb):"
    echo "  xvfb-run -a build/src/cli/lagebild gui demo/musterstadt.sqlite --screenshot demo/workstation.png"
    exit 0
fi
echo "Opening the workstation on demo/musterstadt.sqlite (Hilfe → Erste Schritte explains the first steps)."
exec build/src/cli/lagebild gui demo/musterstadt.sqlite
