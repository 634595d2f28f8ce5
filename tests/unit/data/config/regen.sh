#!/usr/bin/env bash
# Regenerates the expected outputs of every case in this folder with the
# reference compose CLI (v2.26.1):
#
#   bash tests/unit/data/config/regen.sh /work/oracle/docker-compose
#
# For each case folder: `docker-compose [ARGS] config` → expected.yml and
# `docker-compose [ARGS] config --format json` → expected.json, run inside
# the folder with HOME=/home/strata and only PATH in the environment (plus
# the case's `env` file, one VAR=value a line, if any); ARGS come from the
# case's `args` file. The absolute folder path is replaced by /@DIR@ so the
# files do not depend on where the tree is checked out.
set -euo pipefail
compose="${1:?usage: regen.sh PATH/TO/docker-compose}"
here="$(cd "$(dirname "$0")" && pwd)"
for case_dir in "$here"/*/; do
  case_dir="${case_dir%/}"
  args=()
  [[ -f "$case_dir/args" ]] && read -r -a args < "$case_dir/args"
  envs=(HOME=/home/strata PATH="$PATH")
  if [[ -f "$case_dir/env" ]]; then
    while IFS= read -r line; do [[ -n "$line" ]] && envs+=("$line"); done < "$case_dir/env"
  fi
  for format in yml json; do
    extra=()
    [[ "$format" == json ]] && extra=(--format json)
    (cd "$case_dir" && env -i "${envs[@]}" "$compose" "${args[@]}" config "${extra[@]}" 2>/dev/null) \
      | sed "s|$case_dir|/@DIR@|g" > "$case_dir/expected.$format"
  done
done
