#!/usr/bin/env bash
# planmap-cli import through the import engine: a shapefile in EPSG:9215
# without .prj is detected, imported into a new reference layer, re-imported
# by key (updates), undone in order; a file from elsewhere is refused and
# leaves the project byte-identical; an export re-imported keeps its
# illustrative rows marked; a broken CSV row is refused.
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

# Real commune shapes, in EPSG:9215, without .prj.
run export --layer communes_2025 "$tmp/c.geojson" >/dev/null 2>&1 || fail "export"
ogr2ogr -t_srs EPSG:9215 -lco ENCODING=UTF-8 "$tmp/xa.shp" "$tmp/c.geojson" 2>/dev/null || fail "ogr2ogr"
rm -f "$tmp/xa.prj"

out="$(run import "$tmp/xa.shp" --layer xa_tham_chieu --key code --preview --rows 2 2>&1)"
[ $? -eq 0 ] || fail "preview exit"
grep -q "CRS: VN-2000 / TM-3 107-15 (EPSG:9215) (detected)" <<<"$out" || fail "preview does not show the detected CRS: $out"

before="$(sha256sum "$project" | cut -d' ' -f1)"
[ "$(sha256sum "$project" | cut -d' ' -f1)" = "$before" ] || fail "preview changed the project"

out="$(run import "$tmp/xa.shp" --layer xa_tham_chieu --key code 2>&1)"
[ $? -eq 0 ] || fail "first import: $out"
first="$(grep -o 'import batch [0-9]*' <<<"$out" | grep -o '[0-9]*$')"
grep -q "65 added" <<<"$out" || fail "first import did not add 65: $out"

out="$(run import "$tmp/xa.shp" --layer xa_tham_chieu --key code 2>&1)"
second="$(grep -o 'import batch [0-9]*' <<<"$out" | grep -o '[0-9]*$')"
grep -q "0 added, 65 updated" <<<"$out" || fail "re-import did not update: $out"

run import --undo "$first" >/dev/null 2>&1 && fail "undoing the older batch first was accepted"
run import --undo "$second" >/dev/null 2>&1 || fail "undo of the second batch"
out="$(run import --undo "$first" 2>&1)" || fail "undo of the first batch: $out"
grep -q "layer xa_tham_chieu dropped" <<<"$out" || fail "the created layer was not dropped: $out"
run import --history 2>/dev/null | grep -q "undone" || fail "history does not show undone batches"

# Hà Nội points in EPSG:9215: no candidate fits the province; exit 1, nothing written.
# (105.85 E 21.03 N in EPSG:9215, from cs2cs.)
printf 'id,x,y\n1,354279.501,2326914.749\n2,354300.0,2326900.0\n' >"$tmp/hn.csv"
before="$(sha256sum "$project" | cut -d' ' -f1)"
out="$(run import "$tmp/hn.csv" --layer ha_noi --x-column x --y-column y 2>&1)"
status=$?
[ $status -eq 1 ] || fail "a file from elsewhere: exit $status, expected 1 ($out)"
grep -q "Candidates, best first" <<<"$out" || fail "no candidate list: $out"
[ "$(sha256sum "$project" | cut -d' ' -f1)" = "$before" ] || fail "the refused import changed the project"

# Export then import of the same layer, as an officer editing a layer
# outside planmap would: the GeoPackage and the shapefile come back with their
# illustrative rows still marked (and no empty-key failure); a CSV with a
# broken row is refused, naming the row, and leaves the project byte-identical.
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

[ $failures -eq 0 ] && echo "import_engine: all checks passed"
exit $((failures > 0))
