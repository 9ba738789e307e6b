#!/usr/bin/env bash
# Installs what is missing, builds, creates the demo town "Musterstadt" (demo/musterstadt.sqlite) if it
# does not exist yet, prints its layers and renders its map with the incident heatmap (headless, no
# display needed) to demo/musterstadt.png. The workstation: build/src/cli/lagebild gui demo/musterstadt.sqlite
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
mkdir -p demo
[ -f demo/musterstadt.sqlite ] || build/src/cli/lagebild demo demo/musterstadt.sqlite
build/src/cli/lagebild info demo/musterstadt.sqlite
build/src/cli/lagebild render demo/musterstadt.sqlite --out demo/musterstadt.png --size 1600x1200 --heatmap
echo "Map with the incident heatmap: demo/musterstadt.png"
echo "Workstation: build/src/cli/lagebild gui demo/musterstadt.sqlite"
