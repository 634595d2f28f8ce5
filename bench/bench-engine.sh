#!/usr/bin/env bash
# bench-engine.sh BUILDDIR: Strata's engine timings on a private engine (not a test).
#
# On a fresh private engine (tests/fixtures/strata-dockerd.sh) with 200
# containers across 10 compose projects, brought up by the compose CLI:
#   1. time to the first complete state of StrataEngineMonitor (median of 5)
#   2. teardown of a 20-container project: `strata down` against
#      `docker compose down`, the same project brought up twice; as a ratio
#   3. latency from a container's start event to the model update,
#      median and p95 over 50 starts
# Needs root (dockerd), the oracle at BUILDDIR/oracle/docker-compose and a
# built BUILDDIR (strata, bench/bench-monitor).

set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
compose="$build/oracle/docker-compose"
strata="$build/src/strata"
monitor="$build/bench/bench-monitor"
work=$(mktemp -d /tmp/strata-bench-XXXXXX)
engine="$work/engine"

cleanup () { bash "$top/tests/fixtures/strata-dockerd.sh" stop "$engine" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

now_ms () { date +%s%3N; }

project ()   # NAME SCALE [extra service lines]
{
  mkdir -p "$work/$1"
  cat > "$work/$1/compose.yaml" <<YAML
services:
  worker:
    image: strata-test/busybox:latest
    pull_policy: never
    command: sleep 100000
    stop_signal: SIGKILL
    scale: $2
    volumes: [data:/data]
volumes:
  data: {}
YAML
}

median () { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

export DOCKER_HOST
DOCKER_HOST=$(bash "$top/tests/fixtures/strata-dockerd.sh" start "$engine" | sed -n 's/^DOCKER_HOST=//p')
echo "engine: $DOCKER_HOST" >&2

echo "bringing up 10 projects of 20 containers with the compose CLI..." >&2
for i in $(seq 0 9); do
  project "p$i" 20
  (cd "$work/p$i" && "$compose" up -d --quiet-pull >/dev/null 2>&1)
done

# 1. first complete state
states=()
for _ in 1 2 3 4 5; do states+=("$("$monitor" first-state)"); done
first_ms=$(printf '%s\n' "${states[@]}" | cut -d' ' -f1 | median)
counts=$(printf '%s\n' "${states[0]}" | cut -d' ' -f2-)

# 2. teardown of p0 (20 containers, a network, a volume), both ways, in
#    turns, three times each: medians
compose_runs=(); strata_runs=()
for round in 1 2 3; do
  [[ $round -gt 1 ]] && (cd "$work/p0" && "$compose" up -d >/dev/null 2>&1)
  t0=$(now_ms); (cd "$work/p0" && "$compose" down -v >/dev/null 2>&1); compose_runs+=($(( $(now_ms) - t0 )))
  (cd "$work/p0" && "$compose" up -d >/dev/null 2>&1)
  t0=$(now_ms); (cd "$work/p0" && "$strata" down -v >/dev/null 2>&1); strata_runs+=($(( $(now_ms) - t0 )))
done
compose_ms=$(printf '%s\n' "${compose_runs[@]}" | median)
strata_ms=$(printf '%s\n' "${strata_runs[@]}" | median)
left=$(docker ps -aq --filter label=com.docker.compose.project=p0 | wc -l)

# 3. event → model latency over 50 starts
project lat 50
(cd "$work/lat" && "$compose" up --no-start >/dev/null 2>&1)
read -r n p50 p95 pmax < <("$monitor" latency lat)

echo
echo "Strata engine benchmark ($(nproc) cores, private dockerd $(docker version -f '{{.Server.Version}}'))"
printf 'first complete state: %s ms (median of 5) for %s projects, %s containers\n' "$first_ms" $counts
printf 'teardown of 20 containers (median of 3): strata down %d ms, docker compose down %d ms, ratio strata/compose %.2f (%d left)\n' \
       "$strata_ms" "$compose_ms" "$(echo "$strata_ms / $compose_ms" | bc -l)" "$left"
printf 'event to model: median %s ms, p95 %s ms, max %s ms over %s container starts (goal: < 100 ms)\n' \
       "$p50" "$p95" "$pmax" "$n"
