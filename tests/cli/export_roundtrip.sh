#!/usr/bin/env bash
# planmap-cli export, for every format (.gpkg, .geojson, .shp, .csv, .kml):
# feature count, the illustrative and area_ha fields, Unicode names and unit
# codes, .prj and UTF-8 .cpg beside a shapefile, EPSG:4326 by default and
# --crs honoured; then each file is imported back into a new project and must
# give the same units with the same areas (round trip).
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must name the bundled project}"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../data/langson"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v ogr2ogr >/dev/null || fail "ogr2ogr (gdal-bin) is needed to read the exports independently"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cli() { "$PLANMAP_CLI" "$@"; }
project="$tmp/source.planmap"
cp "$PLANMAP_BUNDLED_PROJECT" "$project"

cli units --level commune --generation 2025 --format csv --project "$project" >"$tmp/original.csv"

# Checks one export, read back with GDAL's own ogr2ogr into GeoJSON.
# args: file expected_count epsg(4326|9215)
check_export() {
  local file="$1" count="$2" epsg="$3"
  rm -f "$tmp/readback.geojson"
  # A GeoPackage also holds its layer_styles table (see export_styles_xlsx.sh): read the data layer.
  local layer=()
  case "$file" in *.gpkg) layer=(communes_2025) ;; esac
  ogr2ogr -f GeoJSON -lco RFC7946=NO "$tmp/readback.geojson" "$file" "${layer[@]}" >/dev/null 2>"$tmp/ogr.err" \
    || fail "ogr2ogr cannot read $file: $(cat "$tmp/ogr.err")"
  python3 - "$tmp/readback.geojson" "$count" "$epsg" "$file" "$data/communes_2025.geojson" <<'PY'
import json, sys
path, count, epsg, name, source = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
d = json.load(open(path, encoding='utf-8'))
errors = []
feats = d['features']
if len(feats) != count:
    errors.append(f'{len(feats)} features, expected {count}')
props = [f['properties'] for f in feats]
keys = set(props[0]) if props else set()
illustrative = next((k for k in keys if k.startswith('illustr')), None)
if illustrative is None:
    errors.append(f'no illustrative field (fields: {sorted(keys)})')
elif any(str(p[illustrative]) not in ('0', '1') for p in props):
    errors.append('illustrative values are not 0/1')
if 'area_ha' not in keys:
    errors.append(f'no area_ha field (fields: {sorted(keys)})')
byCode = {str(p.get('code')): p for p in props}
dk = byCode.get('05977')
# KML keeps the name field as the placemark's <name> (GDAL reads it back as "Name").
if not dk or dk.get('full_name') != 'Phường Đông Kinh' or dk.get('name', dk.get('Name')) != 'Đông Kinh':
    errors.append(f'unit 05977 is not "Phường Đông Kinh" with its diacritics: {dk}')
if not any(p.get('full_name') == 'Xã Khuất Xá' for p in props):
    errors.append('"Xã Khuất Xá" (NFC Vietnamese) not found')
# Areas: the total geodesic area against the source's own areaKm2 total (within 0.1 %).
published = sum(f['properties']['areaKm2'] for f in json.load(open(source, encoding='utf-8'))['features']) * 100
total = sum(float(p['area_ha']) for p in props)
if abs(total - published) > 0.001 * published:
    errors.append(f'area_ha adds up to {total:.1f} ha, the published total is {published:.1f} ha')
# Coordinates: longitude/latitude, or VN-2000 / TM-3 metres.
xs, ys = [], []
def walk(c):
    if isinstance(c[0], (int, float)):
        xs.append(c[0]); ys.append(c[1])
    else:
        for x in c: walk(x)
for f in feats:
    walk(f['geometry']['coordinates'])
if epsg == '4326':
    ok = 106.0 < min(xs) and max(xs) < 107.5 and 21.2 < min(ys) and max(ys) < 22.6
else:
    ok = 350000 < min(xs) and max(xs) < 650000 and 2350000 < min(ys) and max(ys) < 2500000
if not ok:
    errors.append(f'coordinates {min(xs):.3f}..{max(xs):.3f}, {min(ys):.3f}..{max(ys):.3f} are not EPSG:{epsg}')
if errors:
    print(f'FAIL: {name}: ' + f'\nFAIL: {name}: '.join(errors), file=sys.stderr)
    sys.exit(1)
PY
}

# The CRS a file declares (GDAL's view).
check_srs() {
  local file="$1" epsg="$2"
  ogrinfo -ro -so -al "$file" >"$tmp/ogrinfo.txt" 2>&1 || fail "ogrinfo cannot read $file"
  grep -q "ID\[\"EPSG\",$epsg\]" "$tmp/ogrinfo.txt" || fail "$file does not declare EPSG:$epsg: $(grep -A2 'SRS' "$tmp/ogrinfo.txt")"
}

# Imports an export into a new project and compares its units with the originals.
# args: file [import options...]
round_trip() {
  local file="$1"; shift
  local p="$tmp/rt.planmap"
  rm -f "$p"
  cli new "$p" --name "round trip" >/dev/null
  cli units add --layer province --code 20 --full-name "Tỉnh Lạng Sơn" --project "$p" >/dev/null
  cli import "$file" --layer communes_2025 --key code --field-map full_name=full_name,name_en=name_en "$@" \
    --project "$p" >/dev/null 2>"$tmp/import.err" || fail "re-importing $file failed: $(cat "$tmp/import.err")"
  cli units --level commune --generation 2025 --format csv --project "$p" >"$tmp/roundtrip.csv"
  python3 - "$tmp/original.csv" "$tmp/roundtrip.csv" "$file" <<'PY'
import csv, sys
a = {r['code']: r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))}
b = {r['code']: r for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'))}
errors = []
if set(a) != set(b):
    errors.append(f'codes differ: missing {sorted(set(a) - set(b))[:5]}, extra {sorted(set(b) - set(a))[:5]}')
for code, r in a.items():
    s = b.get(code)
    if not s:
        continue
    for k in ('name', 'full_name', 'name_en', 'type'):
        if r[k] != s[k]:
            errors.append(f'{code} {k}: {s[k]!r} != {r[k]!r}')
    x, y = float(r['area_ha']), float(s['area_ha'])
    if abs(x - y) > max(0.01, 1e-6 * x):
        errors.append(f'{code} area {y} ha != {x} ha')
if errors:
    print(f'FAIL: round trip of {sys.argv[3]}: ' + f'\nFAIL: '.join(errors[:20]), file=sys.stderr)
    sys.exit(1)
PY
}

for ext in gpkg geojson shp csv kml; do
  out="$tmp/communes.$ext"
  cli export --layer communes_2025 "$out" --project "$project" >/dev/null 2>"$tmp/export.err" \
    || fail "export to .$ext failed: $(cat "$tmp/export.err")"
  check_export "$out" 65 4326
  [ "$ext" = csv ] || check_srs "$out" 4326
  round_trip "$out"
done
# Shapefile companions: .prj, and a .cpg saying UTF-8.
for f in communes.shp communes.shx communes.dbf communes.prj communes.cpg; do
  [ -s "$tmp/$f" ] || fail "export to .shp did not write $f"
done
grep -qi 'utf-8' "$tmp/communes.cpg" || fail ".cpg does not say UTF-8: $(cat "$tmp/communes.cpg")"

# --crs honoured (and the .prj says so); the round trip reads the CRS back from the file.
for ext in gpkg shp geojson; do
  out="$tmp/communes_vn2000.$ext"
  cli export --layer communes_2025 "$out" --crs EPSG:9215 --project "$project" >/dev/null
  check_export "$out" 65 9215
  check_srs "$out" 9215
  [ "$ext" != shp ] || round_trip "$out"
done
cli export --layer communes_2025 "$tmp/communes_vn2000.csv" --crs EPSG:9215 --project "$project" >/dev/null
check_export "$tmp/communes_vn2000.csv" 65 9215
round_trip "$tmp/communes_vn2000.csv" --crs EPSG:9215
# KML is WGS 84 only.
if cli export --layer communes_2025 "$tmp/x.kml" --crs EPSG:9215 --project "$project" >/dev/null 2>&1; then
  fail "export to KML with --crs EPSG:9215 succeeded"
fi
[ ! -e "$tmp/x.kml" ] || fail "a refused KML export left a file"

# Points with Vietnamese names; a layer without geometry.
cli export --layer markets "$tmp/markets.shp" --project "$project" >/dev/null
ogr2ogr -f GeoJSON "$tmp/markets.geojson" "$tmp/markets.shp"
python3 - "$tmp/markets.geojson" <<'PY'
import json, sys
feats = json.load(open(sys.argv[1], encoding='utf-8'))['features']
names = {f['properties']['name'] for f in feats}
missing = {'Chợ Xuân Tình', 'Chợ Văn Mịch', 'Chợ Thà Cạo', 'Chợ Áng Mò'} - names
if missing:
    sys.exit(f'FAIL: markets.shp lacks {missing} (names: {names})')
if not all(str(f['properties'].get('illustrati')) in ('0', '1') for f in feats):
    sys.exit('FAIL: markets.shp has no illustrative (illustrati) field')
PY
cli export --layer communes_2023 "$tmp/old.csv" --project "$project" >/dev/null
[ "$(python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))))' "$tmp/old.csv")" = 194 ] \
  || fail "communes_2023.csv does not have 194 rows"
if cli export --layer communes_2023 "$tmp/old.shp" --project "$project" >/dev/null 2>"$tmp/err"; then
  fail "a layer without geometry was exported to a shapefile"
fi
grep -q "no geometry" "$tmp/err" || fail "no clear message for a shapefile without geometry: $(cat "$tmp/err")"
echo "export_roundtrip: OK"
