#!/usr/bin/env bash
# Records the reference compose CLI's (v2.26.1) verdict on every case of
# this folder:
#
#   bash tests/unit/data/validate/regen.sh /work/oracle/docker-compose
#
# Each NAME.yml is copied to compose.yml in an empty folder and checked
# with `docker-compose [ARGS] config -q` (ARGS from a "# args: ..." first
# line), HOME=/home/strata and only PATH in the environment. NAME.expected
# gets "ok", or "error" and the message on the next line with the folder
# replaced by /@DIR@. A "# place: LINE:COL" line in a case is Strata's own
# claim (where the error points), not the oracle's.
set -euo pipefail
compose="${1:?usage: regen.sh PATH/TO/docker-compose}"
here="$(cd "$(dirname "$0")" && pwd)"
for case_file in "$here"/*.yml; do
  dir="$(mktemp -d)"
  cp "$case_file" "$dir/compose.yml"
  args=()
  first="$(head -n 1 "$case_file")"
  [[ "$first" == "# args: "* ]] && read -r -a args <<< "${first#\# args: }"
  if err="$(cd "$dir" && env -i HOME=/home/strata PATH="$PATH" "$compose" "${args[@]}" config -q 2>&1)"; then
    echo ok > "${case_file%.yml}.expected"
  else
    printf 'error\n%s\n' "$(printf '%s' "$err" | head -n 1 | sed "s|$dir|/@DIR@|g")" > "${case_file%.yml}.expected"
  fi
  rm -rf "$dir"
done
