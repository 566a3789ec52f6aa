#!/usr/bin/env bash
# planmap-cli export then import of the same layer, as an officer editing a
# layer outside planmap would: the GeoPackage and the shapefile come back
# with their illustrative rows still marked (and no empty-key failure); a CSV
# with a broken row is refused, naming the row, and leaves the project
# byte-identical.
set -uo pipefail
cli="${PLANMAP_CLI:?}"
bundled="${PLANMAP_BUNDLED_PROJECT:?}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

project="$tmp/p.planmap"
cp "$bundled" "$project"
run() { "$cli" "$@" --project "$project"; }
# "markets  Chợ  85  81" -> "85 81"
counts() { run info 2>/dev/null | awk -v l="$1" '$1 == l { print $(NF-1), $NF }'; }

expected="$(counts markets)"
[ -n "$expected" ] || fail "no markets in the bundled project"
for ext in gpkg shp; do
    run export --layer markets "$tmp/cho.$ext" >/dev/null 2>&1 || fail "export $ext"
    out="$(run import "$tmp/cho.$ext" --layer cho_$ext 2>&1)" || fail "import of the $ext export: $out"
    [ "$(counts cho_$ext)" = "$expected" ] || fail "cho_$ext: features/illustrative $(counts cho_$ext), expected $expected"
done
# Back into markets itself, by key: nothing becomes real.
out="$(run import "$tmp/cho.gpkg" --layer markets --key user_key 2>&1)" || fail "re-import into markets: $out"
[ "$(counts markets)" = "$expected" ] || fail "markets after re-import: $(counts markets), expected $expected"

printf 'MA,TEN,X,Y\nA,Chợ A,106.76,21.85\nB,"Chợ B,106.77,21.86\nC,Chợ C,106.78,21.87\n' >"$tmp/cho.csv"
before="$(sha256sum "$project" | cut -d' ' -f1)"
out="$(run import "$tmp/cho.csv" --layer cho_csv --x-column X --y-column Y 2>&1)"
[ $? -eq 1 ] || fail "a CSV with a quote never closed was accepted: $out"
grep -q "cho.csv, row 3, column 2: a quote" <<<"$out" || fail "the error does not name the row: $out"
[ "$(sha256sum "$project" | cut -d' ' -f1)" = "$before" ] || fail "the refused CSV changed the project"

[ "$failures" -eq 0 ] && echo "import_roundtrip: OK"
exit "$failures"
