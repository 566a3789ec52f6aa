#!/usr/bin/env bash
# planmap-cli plan load from an XLSX and an ODS workbook (the same columns as
# the CSV template, one sheet per table) gives the same plan as the CSV files
# of the bundled project; "plan --format json|tree" carry the same figures;
# progress entries show up as achieved/percent.
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must name the bundled project}"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../data/langson"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v ogr2ogr >/dev/null || fail "ogr2ogr (gdal-bin) is needed to write the workbooks"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cli() { "$PLANMAP_CLI" "$@"; }

cli plan --format csv --project "$PLANMAP_BUNDLED_PROJECT" >"$tmp/expected.csv"

# A project with the units and the crosswalk, as data/build-langson.sh makes it.
units_project() {
  local p="$1"
  cli new "$p" --name "Lạng Sơn" --province-code 20 >/dev/null
  cli units add --layer province --code 20 --full-name "Tỉnh Lạng Sơn" --project "$p" >/dev/null
  cli import "$data/communes_2025.geojson" --layer communes_2025 --key code --code-list "$data/units_2025.json" \
    --project "$p" >/dev/null 2>&1
  cli import "$data/districts_2023.geojson" --layer districts_2023 --key ma_huyen --field-map name=ten \
    --project "$p" >/dev/null 2>&1
  cli import "$data/communes_pre2025_gso.csv" --layer communes_2023 --key "Mã PX" \
    --field-map "full_name=Phường Xã,type=Cấp,parent=Mã QH" --project "$p" >/dev/null 2>&1
  cli import "$data/crosswalk_2025_official.csv" --layer crosswalk_2025 --project "$p" >/dev/null 2>&1
}
units_project "$tmp/base.planmap"

for format in XLSX ODS; do
  ext="$(tr 'A-Z' 'a-z' <<<"$format")"
  book="$tmp/ke_hoach.$ext"
  for table in catalogue allocations funding named_features; do
    ogr2ogr -f "$format" $( [ -e "$book" ] && echo -update ) -nln "$table" "$book" \
      "$data/plan/plan_2023_$table.csv" 2>"$tmp/ogr.err" || fail "ogr2ogr $format: $(cat "$tmp/ogr.err")"
  done
  cp "$tmp/base.planmap" "$tmp/$ext.planmap"
  cli plan load "$book" --project "$tmp/$ext.planmap" >"$tmp/load.out" 2>"$tmp/load.err" \
    || fail "plan load $book failed: $(cat "$tmp/load.err")"
  cli plan --format csv --project "$tmp/$ext.planmap" >"$tmp/$ext.csv"
  # The catalogue columns (achieved/percent depend on the bundled project's progress entries).
  python3 -c 'import csv,sys; w=csv.writer(sys.stdout, lineterminator="\n"); [w.writerow(r[:10]) for r in csv.reader(open(sys.argv[1], encoding="utf-8"))]' \
    "$tmp/expected.csv" >"$tmp/expected10.csv"
  python3 -c 'import csv,sys; w=csv.writer(sys.stdout, lineterminator="\n"); [w.writerow(r[:10]) for r in csv.reader(open(sys.argv[1], encoding="utf-8"))]' \
    "$tmp/$ext.csv" >"$tmp/${ext}10.csv"
  cmp -s "$tmp/expected10.csv" "$tmp/${ext}10.csv" \
    || fail "the plan loaded from $format differs: $(diff "$tmp/expected10.csv" "$tmp/${ext}10.csv" | head)"
  info="$(cli info --format json --project "$tmp/$ext.planmap")"
  python3 - "$info" <<'PY' || fail "the plan loaded from $format lacks allocations, funding or named features"
import json, sys
i = json.loads(sys.argv[1])
layers = {l['layer']: l['count'] for l in i['features']}
assert (i['indicators'], i['allocations'], i['funding_lines'], i['feature_indicator_links']) == (100, 25, 12, 8), i
assert layers['markets'] == 4 and layers['facilities'] == 4, layers
PY
done

# JSON and tree forms carry the same figures.
cli plan --format json --project "$PLANMAP_BUNDLED_PROJECT" >"$tmp/plan.json"
python3 - "$tmp/plan.json" "$tmp/expected.csv" <<'PY'
import csv, json, sys
tree = json.load(open(sys.argv[1], encoding='utf-8'))
found = {}
def walk(n):
    if n['level'] == 'indicator':
        found[n['code']] = n
    for c in n.get('children', []):
        walk(c)
for n in tree:
    walk(n)
rows = {r['code']: r for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'))}
assert set(found) == set(rows), (len(found), len(rows))
for code, r in rows.items():
    t = found[code]['target']
    assert (t is None and r['target'] == '') or float(r['target']) == t, (code, t, r['target'])
assert found['CT.NV.CT01']['target'] == 1238075
PY
tree="$(cli plan --project "$PLANMAP_BUNDLED_PROJECT" --root CT.NV)"
grep -q "CT.NV.CT01  Tổng nhu cầu vốn thực hiện Chương trình năm 2023: 1.238.075 triệu đồng (2023)" <<<"$tree" \
  || fail "the tree does not show 1.238.075 triệu đồng: $(head -3 <<<"$tree")"

# Achieved and percent from the progress log (sum of the newest entry per unit).
p="$tmp/progress.planmap"
cp "$tmp/xlsx.planmap" "$p"   # a plan without progress entries
sqlite3 "$p" >/dev/null <<'SQL' || fail "cannot add progress entries"
INSERT INTO progress_entries (indicator_id, unit_id, value, as_of, entered_at)
SELECT i.id, u.id, v.value, v.as_of, '2023-12-31T00:00:00Z'
FROM plan_nodes i, admin_units u, (SELECT 20.0 AS value, '2023-06-30' AS as_of UNION ALL SELECT 30.0, '2023-12-31') v
WHERE i.code = 'DA01.CT01' AND u.code IN ('180', '181') AND u.level = 'district';
SQL
row="$(cli plan --format csv --project "$p" | grep '^DA01.CT01,')"
python3 - "$row" <<'PY' || fail "achieved/percent wrong: $row"
import csv, sys
r = next(csv.reader([sys.argv[1]]))
# header: code,parent_code,level,name,unit,year,target,target_numerator,target_denominator,aggregation,achieved,percent
assert r[6] == '53' and r[10] == '60' and r[11] == '113.21', r
PY
echo "plan_load: OK"
