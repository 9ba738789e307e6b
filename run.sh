#!/usr/bin/env bash
# Installs what is missing, builds, creates the demo town "Musterstadt" (demo/musterstadt.sqlite) if it
# does not exist yet, and shows it. (The map viewer comes with `lagebild gui`; until then this prints the
# project's layers.)
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
mkdir -p demo
[ -f demo/musterstadt.sqlite ] || build/src/cli/lagebild demo demo/musterstadt.sqlite
build/src/cli/lagebild info demo/musterstadt.sqlite
