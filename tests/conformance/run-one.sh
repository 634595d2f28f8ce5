#!/usr/bin/env bash
# run-one.sh [--oracle-only] CASE [FORMAT...]
#
# For humans: runs one conformance case the way test-conformance does (a fresh
# copy of the case folder in a temporary directory, a clean environment) with
# the reference compose CLI and with strata, shows both outputs and the diff.
#
#   CASE    a folder under tests/conformance/cases, by name ("012-ports-short"),
#           by number prefix ("012") or by path
#   FORMAT  yaml and/or json (default: the case's "formats")
#
#   --oracle-only   run only the reference CLI (for writing cases)
#   --keep          keep the temporary copy and print where it is
#
# Environment:
#   STRATA_COMPOSE_ORACLE  the docker-compose binary (default: BUILD/oracle/docker-compose,
#                          then /work/oracle/docker-compose)
#   STRATA_EXE             the strata binary (default: BUILD/src/strata)
#   BUILD                  the meson build folder (default: SOURCE_ROOT/build)

set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build}
cases=$here/cases
oracle_only=0
keep=0

while [[ $# -gt 0 && "$1" == --* ]]; do
  case "$1" in
    --oracle-only) oracle_only=1 ;;
    --keep) keep=1 ;;
    *) echo "run-one.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [[ $# -lt 1 ]]; then
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi

case_arg=$1
shift
if [[ -d "$case_arg" ]]; then
  case_dir=$(cd "$case_arg" && pwd)
else
  match=("$cases/$case_arg"*)
  if [[ ${#match[@]} -ne 1 || ! -d "${match[0]}" ]]; then
    echo "run-one.sh: no single case matches “$case_arg” in $cases" >&2
    exit 2
  fi
  case_dir=${match[0]}
fi
case_name=$(basename "$case_dir")

oracle=${STRATA_COMPOSE_ORACLE:-}
if [[ -z "$oracle" ]]; then
  oracle=$build/oracle/docker-compose
  [[ -x "$oracle" ]] || oracle=/work/oracle/docker-compose
fi
strata=${STRATA_EXE:-$build/src/strata}
if [[ ! -x "$oracle" ]]; then
  echo "run-one.sh: the reference compose CLI is missing ($oracle);" \
       "run tests/fixtures/fetch-compose.sh DIR and set STRATA_COMPOSE_ORACLE" >&2
  exit 2
fi

# case.json → shell-quoted variables.
eval "$(python3 - "$case_dir/case.json" <<'EOF'
import json, shlex, sys
c = json.load(open(sys.argv[1]))
q = lambda v: shlex.quote(str(v))
print("args=(%s)" % " ".join(q(a) for a in c.get("args", [])))
print("verb_index=%s" % q(c.get("verb_index", len(c.get("args", [])))))
print("case_env=(%s)" % " ".join(q("%s=%s" % kv) for kv in c.get("env", {}).items()))
print("cwd=%s" % q(c.get("cwd", ".")))
print("stdin_file=%s" % q(c.get("stdin", "")))
print("formats=(%s)" % " ".join(q(f) for f in c.get("formats", ["yaml", "json"])))
print("invalid=%s" % ("1" if c.get("invalid", False) else "0"))
print("about=%s" % q(c.get("about", "")))
EOF
)" || exit 2

[[ $# -gt 0 ]] && formats=("$@")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/strata-conformance-XXXXXX")
cleanup () { if [[ $keep -eq 0 ]]; then rm -rf -- "$tmp"; else echo "kept: $tmp"; fi; }
trap cleanup EXIT
cp -a "$case_dir" "$tmp/$case_name"
rm -f "$tmp/$case_name/case.json"
work=$tmp/$case_name/$cwd

echo "== $case_name: $about"
[[ $invalid -eq 1 ]] && echo "== expected: an error"

# run LABEL OUT ERR PROGRAM ARGS...
run ()
{
  local label=$1 out=$2 err=$3 rc
  shift 3
  local input=/dev/null
  [[ -n "$stdin_file" ]] && input=$tmp/$case_name/$stdin_file
  (cd "$work" && env -i PATH="$PATH" HOME="$tmp" LC_ALL=C.UTF-8 "${case_env[@]}" "$@" \
     <"$input" >"$out" 2>"$err")
  rc=$?
  echo "-- $label: exit $rc"
  echo "-- $label stderr:"
  sed 's/^/   /' "$err"
  return $rc
}

status=0
for format in "${formats[@]}"; do
  full=("${args[@]:0:$verb_index}" config "${args[@]:$verb_index}")
  [[ "$format" == json ]] && full+=(--format json)
  echo "==== $format: ${full[*]}"
  run oracle "$tmp/oracle.out" "$tmp/oracle.err" "$oracle" "${full[@]}"
  orc=$?
  if [[ $oracle_only -eq 1 ]]; then
    echo "-- oracle stdout:"
    cat "$tmp/oracle.out"
    if { [[ $orc -ne 0 ]] && [[ $invalid -eq 0 ]]; } || { [[ $orc -eq 0 ]] && [[ $invalid -eq 1 ]]; }; then
      echo "!! the oracle disagrees with case.json (invalid=$invalid, exit $orc)"
      status=1
    fi
    continue
  fi
  run strata "$tmp/strata.out" "$tmp/strata.err" "$strata" "${full[@]}"
  src=$?
  if [[ $orc -ne 0 && $src -ne 0 ]]; then
    echo "== $format: both fail: PASS"
  elif [[ $orc -eq 0 && $src -eq 0 ]] && cmp -s "$tmp/oracle.out" "$tmp/strata.out"; then
    echo "== $format: identical output: PASS"
  else
    echo "-- diff (oracle → strata):"
    diff -u --label oracle --label strata "$tmp/oracle.out" "$tmp/strata.out"
    echo "== $format: FAIL (oracle exit $orc, strata exit $src)"
    status=1
  fi
done
exit $status
