#!/usr/bin/env bash
# planmap-cli usage: --help texts (exit 0, commands and exit codes listed),
# usage errors exit 2 (no command, unknown command or option, missing
# argument or value, bad option value).
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

help="$("$PLANMAP_CLI" --help)" || fail "--help exited non-zero"
for c in info new import export units validate plan "plan load" "units add" "units outline"; do
  grep -Eq "^  $c  " <<<"$help" || fail "--help does not list '$c'"
done
for code in 0 1 2 3; do grep -Eq "^  $code  " <<<"$help" || fail "--help does not document exit code $code"; done
for c in info new import export units validate plan "plan load"; do
  # shellcheck disable=SC2086
  h="$("$PLANMAP_CLI" $c --help)" || fail "'$c --help' exited non-zero"
  grep -q "^Usage: planmap-cli ${c%% *}" <<<"$h" || fail "'$c --help' has no usage line"
  grep -q -- "--project FILE" <<<"$h" || fail "'$c --help' does not offer --project"
  grep -q "^  3  " <<<"$h" || fail "'$c --help' does not document the exit codes"
done

expect_usage() {
  local rc=0
  "$PLANMAP_CLI" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ $rc -eq 2 ] || fail "'$*' exited $rc, expected 2 (usage error); stderr: $(cat "$tmp/err")"
  [ -s "$tmp/err" ] || fail "'$*' printed no message"
}
expect_usage
expect_usage frobnicate
expect_usage info --frobnicate
expect_usage info --format
expect_usage info --format xml
expect_usage info extra-argument
expect_usage import
expect_usage import somefile.gpkg
expect_usage import a.gpkg b.gpkg --layer villages
expect_usage import a.gpkg --layer villages --field-map nonsense
expect_usage export --layer villages
expect_usage units --level county
expect_usage units --level county --project /nonexistent/never.planmap
if [ -n "${PLANMAP_BUNDLED_PROJECT:-}" ]; then expect_usage units --generation 1999 --project "$PLANMAP_BUNDLED_PROJECT"; fi
expect_usage units --date 31/12/2024
expect_usage plan --format xml
expect_usage plan bogus
expect_usage plan load
expect_usage new
expect_usage new "$tmp/x.planmap" --crs NOT-A-CRS
expect_usage validate --format xml
grep -q "See 'planmap-cli validate --help'" "$tmp/err" || fail "a usage error does not point to the command's help"
echo "usage: OK"
