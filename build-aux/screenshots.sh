#!/usr/bin/env bash
# Renders every view of the demo project, light and dark, into
# data/screenshots/*.png. Needs a build in ./build (or $BUILD_DIR) and Xvfb.
#
#   build-aux/screenshots.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}

ninja -C "$build" tests/ui/strata-screenshots data/gschemas.compiled >/dev/null
export GSETTINGS_SCHEMA_DIR="$build/data"
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1
export LC_ALL=C.UTF-8
xvfb-run -a -s "-screen 0 1400x900x24" \
  "$build/tests/ui/strata-screenshots" "$root/data/demo" "$root/data/screenshots"
