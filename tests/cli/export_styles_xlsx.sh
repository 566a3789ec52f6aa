#!/usr/bin/env bash
# planmap-cli export: a GeoPackage carries the layer's style in layer_styles
# (QML and SLD, the default for its layer, read back with GDAL's ogrinfo and
# parsed as XML), --no-style leaves it out; --format xlsx writes a sheet with
# the attributes and WKT (X/Y for points) that GDAL reads back and that
# imports into a new layer with the same count.
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must name the bundled project}"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v ogrinfo >/dev/null || fail "ogrinfo (gdal-bin) is needed to read the exports independently"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cli() { "$PLANMAP_CLI" "$@"; }
project="$tmp/p.planmap"
cp "$PLANMAP_BUNDLED_PROJECT" "$project"

# GeoPackage with the style.
cli export --layer communes_2025 "$tmp/xa.gpkg" --project "$project" 2>"$tmp/err" >"$tmp/out" || fail "export gpkg: $(cat "$tmp/err")"
grep -q "layer_styles" "$tmp/err" || fail "no note about the style: $(cat "$tmp/err")"
ogrinfo -ro -q "$tmp/xa.gpkg" -sql "SELECT f_table_name, f_geometry_column, useAsDefault, styleQML, styleSLD FROM layer_styles" \
  >"$tmp/styles.txt" 2>&1 || fail "ogrinfo cannot read layer_styles: $(cat "$tmp/styles.txt")"
python3 - "$tmp/xa.gpkg" <<'PY' || exit 1
import sqlite3, sys, xml.etree.ElementTree as ET
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT f_table_name, f_geometry_column, useAsDefault, styleQML, styleSLD FROM layer_styles").fetchall()
assert len(rows) == 1, rows
table, geom, default, qml, sld = rows[0]
assert (table, geom, default) == ("communes_2025", "geom", 1), (table, geom, default)
q = ET.fromstring(qml.encode("utf-8"))
r = q.find("renderer-v2")
assert r.get("type") == "categorizedSymbol" and r.get("attr") == "type", r.attrib
values = [c.get("value") for c in r.find("categories")]
assert values == ["phuong", "thi_tran", "xa", ""], values
s = ET.fromstring(sld.encode("utf-8"))
ns = {"se": "http://www.opengis.net/se"}
assert len(s.findall(".//se:Rule", ns)) >= 4
# The column the style reads exists in the data.
cols = [c[1] for c in con.execute("PRAGMA table_info(communes_2025)")]
assert "type" in cols and "name" in cols, cols
PY
cli export --layer communes_2025 "$tmp/bare.gpkg" --no-style --project "$project" 2>/dev/null >/dev/null
if ogrinfo -ro -q "$tmp/bare.gpkg" layer_styles >/dev/null 2>&1; then fail "--no-style still wrote layer_styles"; fi

# XLSX, by --format (the extension is added).
cli export --layer communes_2025 "$tmp/xa" --format xlsx --project "$project" >"$tmp/out" 2>"$tmp/err" || fail "export xlsx: $(cat "$tmp/err")"
[ -f "$tmp/xa.xlsx" ] || fail "no $tmp/xa.xlsx"
OGR_XLSX_HEADERS=FORCE ogrinfo -ro -al -so "$tmp/xa.xlsx" >"$tmp/xlsx.txt" 2>&1 || fail "GDAL cannot read the sheet"
grep -q "Feature Count: 65" "$tmp/xlsx.txt" || fail "the sheet has not 65 rows: $(cat "$tmp/xlsx.txt")"
grep -q "^WKT:" "$tmp/xlsx.txt" || fail "no WKT column: $(cat "$tmp/xlsx.txt")"
grep -q "^full_name:" "$tmp/xlsx.txt" || fail "no full_name column"
cli import "$tmp/xa.xlsx" --layer xa_tu_excel --project "$project" >"$tmp/imp" 2>&1 || fail "the sheet does not import: $(cat "$tmp/imp")"
grep -q "65" "$tmp/imp" || fail "the import did not report 65 rows: $(cat "$tmp/imp")"
# Points get X and Y.
cli export --layer markets "$tmp/cho.xlsx" --project "$project" >/dev/null 2>&1 || fail "export markets xlsx"
OGR_XLSX_HEADERS=FORCE ogrinfo -ro -al -so "$tmp/cho.xlsx" >"$tmp/cho.txt" 2>&1
grep -q "^X:" "$tmp/cho.txt" && grep -q "^Y:" "$tmp/cho.txt" || fail "no X/Y columns for points: $(cat "$tmp/cho.txt")"
# A --format that contradicts the extension is a usage error (exit 2).
set +e
cli export --layer markets "$tmp/cho.csv" --format xlsx --project "$project" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--format xlsx with .csv was not refused as a usage error"
echo "ok"
