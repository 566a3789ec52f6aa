#!/usr/bin/env bash
# planmap-cli validate: the bundled project has no errors (the 2025 communes'
# digitising slivers are warnings); an invalid geometry is found with its
# reason and location (exit 3), and --repair fixes it in one transaction,
# reports the change, and validate then passes. A feature placed outside its
# commune is an error.
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must name the bundled project}"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 is needed to damage a geometry on purpose"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
project="$tmp/p.planmap"
cp "$PLANMAP_BUNDLED_PROJECT" "$project"
cli() { "$PLANMAP_CLI" "$@" --project "$project"; }

rc=0; cli validate --format csv >"$tmp/issues.csv" || rc=$?
[ $rc -eq 0 ] || fail "the bundled project does not validate (exit $rc): $(grep '^error' "$tmp/issues.csv" | head)"
grep -q '^warning,overlap,communes_2025 ' "$tmp/issues.csv" || fail "the 2025 communes' overlaps are not reported as warnings"
if grep -q '^error' "$tmp/issues.csv"; then fail "errors listed with exit 0"; fi

# Damage a commune: a self-intersecting "bow tie" inside its own area (SQL through SpatiaLite,
# as a broken tool would), so that no overlap with its neighbours comes of it.
sqlite3 "$project" >/dev/null 2>"$tmp/sql.err" <<'SQL' || fail "cannot damage the geometry: $(cat "$tmp/sql.err")"
SELECT load_extension('mod_spatialite');
UPDATE admin_units SET geom = CastToMultiPolygon(GeomFromText(
  'POLYGON((106.765 21.815, 106.775 21.825, 106.775 21.815, 106.765 21.825, 106.765 21.815))', 4326))
WHERE code = '05977' AND generation = '2025';
SQL
before="$(sha256sum "$project" | cut -d' ' -f1)"
rc=0; cli validate >"$tmp/out.txt" || rc=$?
[ $rc -eq 3 ] || fail "validate on an invalid geometry exited $rc, expected 3: $(cat "$tmp/out.txt")"
grep -Eq "^ERROR +geometry: communes_2025 05977 Phường Đông Kinh: invalid geometry: Self-intersection at \(106\.770* 21\.820*\)" "$tmp/out.txt" \
  || fail "the invalid geometry is not reported with reason and location: $(grep ERROR "$tmp/out.txt")"
[ "$(sha256sum "$project" | cut -d' ' -f1)" = "$before" ] || fail "validate without --repair changed the project"

# The repair itself succeeds; features of the (now tiny) commune may then lie outside it, which
# is a location error (exit 3), but no geometry error may remain.
rc=0; cli validate --repair >"$tmp/repair.txt" || rc=$?
[ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "validate --repair exited $rc: $(cat "$tmp/repair.txt")"
if grep -q "^ERROR   geometry" "$tmp/repair.txt"; then fail "geometry errors remain after --repair"; fi
if grep "^ERROR" "$tmp/repair.txt" | grep -vq "^ERROR   location: "; then
  fail "errors other than locations after --repair: $(grep ^ERROR "$tmp/repair.txt" | head)"
fi
grep -q "^repaired: communes_2025 05977 Phường Đông Kinh: Self-intersection" "$tmp/repair.txt" \
  || fail "the repair is not reported: $(cat "$tmp/repair.txt")"
grep -q "1 geometry repaired" "$tmp/repair.txt" || fail "repair count missing: $(tail -1 "$tmp/repair.txt")"
rc=0; cli validate --format csv >"$tmp/after.csv" || rc=$?
if grep -q "^error,geometry" "$tmp/after.csv"; then fail "validate after --repair still finds invalid geometries"; fi
area="$(cli units --level commune --generation 2025 --format csv | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["code"] == "05977": print(r["area_ha"])')"
# MakeValid splits the bow tie into its two triangles: 0.00005 square degrees, about 57 ha there.
python3 -c "import sys; a=float('$area'); sys.exit(0 if 55 < a < 59 else 1)" \
  || fail "the repaired geometry has area $area ha, expected the bow tie's two triangles (about 57 ha)"

# A market moved out of its commune.
sqlite3 "$project" >/dev/null 2>"$tmp/sql.err" <<'SQL' || fail "cannot move a market: $(cat "$tmp/sql.err")"
SELECT load_extension('mod_spatialite');
UPDATE markets SET geom = MakePoint(107.30, 21.50, 4326) WHERE user_key = 'cho-xuan-tinh';
SQL
rc=0; cli validate >"$tmp/moved.txt" || rc=$?
[ $rc -eq 3 ] || fail "a market outside its commune: exit $rc, expected 3"
grep -Eq "^ERROR +location: markets #[0-9]+ Chợ Xuân Tình: lies outside its commune Xã Thống Nhất" "$tmp/moved.txt" \
  || fail "the misplaced market is not reported: $(grep ERROR "$tmp/moved.txt")"
echo "validate: OK"
