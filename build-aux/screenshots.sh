#!/usr/bin/env bash
# Renders every view of the demo project, light and dark, into
# data/screenshots/*.png. Needs a build in ./build (or $BUILD_DIR) and Xvfb.
#
#   build-aux/screenshots.sh
#
# As root, with dockerd and the compose CLI in $BUILD_DIR/oracle (see
# tests/fixtures/fetch-compose.sh), a copy of the demo runs on a private
# engine (tests/fixtures/strata-dockerd.sh) so that the Services, Resources
# and Logs views and the Tear Down dialog show live state: the demo's images
# are made from the test image, with commands that print like the real
# services. STRATA_SCREENSHOTS_ENGINE=0 renders without an engine.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
demo="$root/data/demo"
compose="$build/oracle/docker-compose"

ninja -C "$build" tests/ui/strata-screenshots data/gschemas.compiled >/dev/null
export GSETTINGS_SCHEMA_DIR="$build/data"
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1
export LC_ALL=C.UTF-8
export DOCKER_HOST=unix:///nonexistent/strata-screenshots.sock

# Images that behave like the demo's: a "memcached" and a "postgres" that
# print what the real ones print, and a development server script in the
# project's src/ (mounted at /srv/www/project).
make_images ()
{
  cat > "$work/memcached" <<'SCRIPT'
#!/bin/sh
echo "server listening (tcp) on 0.0.0.0:11211, memory $2 MB"
exec sleep 100000
SCRIPT
  cat > "$work/postgres" <<'SCRIPT'
#!/bin/sh
echo "LOG:  starting PostgreSQL 15.6 on x86_64-pc-linux-gnu"
echo "LOG:  listening on IPv4 address \"0.0.0.0\", port 5432"
echo "LOG:  database system is ready to accept connections"
while true; do sleep 3; echo "LOG:  checkpoint starting: time"; done
SCRIPT
  chmod +x "$work/memcached" "$work/postgres"
  docker tag strata-test/busybox:latest project/portal:local
  docker create --name mk-memcached strata-test/busybox:latest >/dev/null
  docker cp "$work/memcached" mk-memcached:/bin/memcached
  docker commit mk-memcached memcached:1.6 >/dev/null
  docker create --name mk-postgres strata-test/busybox:latest >/dev/null
  docker cp "$work/postgres" mk-postgres:/bin/postgres
  docker commit --change 'CMD ["postgres"]' mk-postgres postgres:15 >/dev/null
  docker rm mk-memcached mk-postgres >/dev/null
}

start_engine ()
{
  work=$(mktemp -d /tmp/strata-screenshots.XXXXXX)
  STRATA_DOCKERD_OWNER=$$ "$root/tests/fixtures/strata-dockerd.sh" start "$work/engine" >/dev/null
  trap '"$root/tests/fixtures/strata-dockerd.sh" stop "$work/engine" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  export DOCKER_HOST="unix://$work/engine/docker.sock"
  make_images
  cp -r "$demo" "$work/demo"
  mkdir -p "$work/demo/src/bin"
  cat > "$work/demo/src/bin/run-dev.sh" <<'SCRIPT'
#!/bin/sh
echo "Watching for file changes with StatReloader"
echo "Starting development server at http://0.0.0.0:8000/"
i=0
while true; do
  i=$((i + 1))
  echo "\"GET /api/items/?page=$i HTTP/1.1\" 200 1532"
  [ $((i % 3)) = 0 ] && echo "Not Found: /favicon.ico" >&2
  sleep 0.4
done
SCRIPT
  chmod +x "$work/demo/src/bin/run-dev.sh"
  (cd "$work/demo" && "$compose" up -d --quiet-pull >/dev/null 2>&1)
  demo="$work/demo"
}

if [ "${STRATA_SCREENSHOTS_ENGINE:-1}" != 0 ] && [ "$(id -u)" = 0 ] && command -v dockerd >/dev/null \
   && [ -x "$compose" ]; then
  start_engine
fi

xvfb-run -a -s "-screen 0 1400x900x24" \
  "$build/tests/ui/strata-screenshots" "$demo" "$root/data/screenshots"
