#!/usr/bin/env bash
# Imports that must fail cleanly: a missing file, a corrupt GeoPackage
# (random bytes), a CSV with bad rows (the message names the row and the
# column), a shapefile without .prj (the message asks for --crs), a plan
# catalogue with bad rows, a crosswalk with an unknown code. Each exits 1 and
# leaves the project byte for byte unchanged (no -wal/-shm left behind either).
# A shapefile without .prj whose CRS cannot be recognised asks for --crs.
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must name the bundled project}"
: "${PLANMAP_TEST_FIXTURES:?PLANMAP_TEST_FIXTURES must name tests/fixtures}"
fixtures="$PLANMAP_TEST_FIXTURES/io"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
project="$tmp/p.planmap"
cp "$PLANMAP_BUNDLED_PROJECT" "$project"
before="$(sha256sum "$project" | cut -d' ' -f1)"

# Runs planmap-cli expecting exit 1 and a message matching every pattern given
# after "--"; checks the project is unchanged.
expect_failure() {
  local args=() patterns=() seen=0
  for a in "$@"; do
    if [ $seen -eq 0 ] && [ "$a" = "--" ]; then seen=1; continue; fi
    if [ $seen -eq 0 ]; then args+=("$a"); else patterns+=("$a"); fi
  done
  local rc=0
  "$PLANMAP_CLI" "${args[@]}" --project "$project" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ $rc -eq 1 ] || fail "'${args[*]}' exited $rc, expected 1; stderr: $(cat "$tmp/err")"
  for p in "${patterns[@]}"; do
    grep -Eq -e "$p" "$tmp/err" || fail "'${args[*]}': the message does not match /$p/: $(cat "$tmp/err")"
  done
  [ "$(sha256sum "$project" | cut -d' ' -f1)" = "$before" ] || fail "'${args[*]}' changed the project file"
  [ ! -e "$project-wal" ] && [ ! -e "$project-journal" ] || fail "'${args[*]}' left a journal next to the project"
}

expect_failure import "$tmp/missing.gpkg" --layer villages -- "missing\.gpkg" "[Nn]ot found"
head -c 65536 /dev/urandom >"$tmp/corrupt.gpkg"
expect_failure import "$tmp/corrupt.gpkg" --layer villages -- "corrupt\.gpkg" "damaged|not a .*format"
# A GeoPackage header on garbage: SQLite's own check must catch it too.
{ printf 'SQLite format 3\000'; head -c 8192 /dev/urandom; } >"$tmp/corrupt2.gpkg"
expect_failure import "$tmp/corrupt2.gpkg" --layer villages -- "corrupt2\.gpkg"

expect_failure import "$fixtures/villages_bad_rows.csv" --layer villages --key key \
  -- "villages_bad_rows\.csv" "row 3, column \"population\"" "row 5, column \"road_status\"" "nothing was written"
# The good rows of that file alone import fine (so the failure is the bad rows).
grep -v -e '^B,' -e '^D,' "$fixtures/villages_bad_rows.csv" >"$tmp/good.csv"
cp "$project" "$tmp/scratch.planmap"
"$PLANMAP_CLI" import "$tmp/good.csv" --layer villages --key key --project "$tmp/scratch.planmap" >/dev/null 2>&1 \
  || fail "the good rows of villages_bad_rows.csv do not import"

# A shapefile without .prj whose coordinates fit no CRS planmap can guess
# (VN-2000 eastings/northings far south of the province): the message asks for --crs.
command -v ogr2ogr >/dev/null || fail "ogr2ogr (gdal-bin) is needed to write a shapefile without .prj"
printf 'name,x,y\nChợ Xa,580000,1180000\nChợ Gần,581000,1181000\n' >"$tmp/far.csv"
ogr2ogr -f "ESRI Shapefile" "$tmp/far.shp" "$tmp/far.csv" -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y 2>/dev/null
rm -f "$tmp/far.prj"
[ -e "$tmp/far.shp" ] && [ ! -e "$tmp/far.prj" ] || fail "could not write a shapefile without .prj"
expect_failure import "$tmp/far.shp" --layer markets -- "far\.shp" "--crs"
# ... and with --crs it imports (the coordinates are then simply far away).
"$PLANMAP_CLI" import "$tmp/far.shp" --layer markets --crs EPSG:9210 \
  --project "$tmp/scratch.planmap" >/dev/null 2>&1 || fail "the shapefile without .prj does not import with --crs"

# A wrong --crs puts coordinates outside longitude/latitude: refused.
expect_failure import "$tmp/far.shp" --layer markets --crs EPSG:4326 -- "not longitude/latitude"

# Unit layer: a row whose parent does not exist, and a code used twice.
expect_failure import "$fixtures/communes_bad_parent.csv" --layer communes_2023 --key code \
  --field-map full_name=name,parent=district -- "row 3, column \"district\"" "999" "row 4, column \"code\""

# Plan catalogue with bad rows: every problem named by file, row and column.
expect_failure plan load "$fixtures/plan_bad/plan_9999_catalogue.csv" \
  -- "plan_9999_catalogue\.csv, row 3, column \"parent_code\"" "row 4, column \"aggregation\"" \
     "row 5, column \"code\"" "row 6, column \"parent_code\"" "row 7, column \"target\""

# Crosswalk rows naming communes that do not exist.
expect_failure import "$fixtures/crosswalk_bad.csv" --layer crosswalk_2025 \
  -- "crosswalk_bad\.csv, row 2, column \"Mã Xã mới\"" "row 3, column \"Ghi chú\""

# Unknown target field.
expect_failure import "$fixtures/villages_bad_rows.csv" --layer villages --field-map colour=name -- "unknown target field 'colour'"
echo "bad_inputs: OK"
