#!/usr/bin/env bash
# The window on the compose benchmark's 1000-service project, under Xvfb:
# time from activation to the first full frame of the Configuration view,
# and frame times while its tree scrolls. Needs a build in ./build (or
# $BUILD_DIR); not a test.
#
#   bench/bench-window.sh [N]   (services, default 1000)
#   GSK_RENDERER=cairo bench/bench-window.sh   (Xvfb has no GPU: GTK's GL
#                                               renderer runs on llvmpipe)
#
# 2026-11-28, later, after the compose model's speed work (arena, parallel
# reading, single-walk passes), 1000 services, GL on llvmpipe:
#   activation to first full frame of the Configuration view: 260 ms
#   (of which the threaded load is 251 ms)
#   scrolling, half a page per frame:
#     services folded   median 33 ms, p95 41 ms, worst 45 ms
#     all unfolded      median 39 ms, p95 48 ms, worst 59 ms (15 of 525 > 50 ms)
#
# Before it, on the 2-core build machine (load average 9 from parallel builds),
# 2026-11-28, 1000 services (compose.yaml + compose.override.yaml, 8993 tree
# rows with every service unfolded):
#   activation to first full frame of the Configuration view: 1.2-1.5 s
#   (of which the threaded load is about 1.1 s)
#   scrolling, half a page per frame, GL on llvmpipe:
#     services folded   median 63 ms, p95 149 ms, worst 276 ms
#     all unfolded      median 58 ms, p95 181 ms, worst 404 ms
#   scrolling, GSK_RENDERER=cairo:
#     services folded   median 17 ms, p95 32 ms, worst 67 ms (1 frame > 50 ms)
#     all unfolded      median 22 ms, p95 94 ms, worst 195 ms (22 of 525 > 100 ms)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
n=${1:-1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

ninja -C "$build" bench/bench-window data/gschemas.compiled >/dev/null
python3 "$root/bench/gen-project.py" "$dir/project" "$n" >/dev/null
export GSETTINGS_SCHEMA_DIR="$build/data"
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1
export LC_ALL=C.UTF-8
export DOCKER_HOST=unix:///nonexistent/strata-bench.sock   # the configuration views need no engine
echo "project: $n services ($(du -sh "$dir/project" | cut -f1)), $(nproc) cores, Xvfb"
xvfb-run -a -s "-screen 0 1400x900x24" "$build/bench/bench-window" "$dir/project"
