#!/usr/bin/env bash
# Builds the bundled Lạng Sơn project from the sources in data/langson/ with
# planmap-cli commands only (the same steps work for another province):
#
#   data/build-langson.sh PLANMAP_CLI OUT.planmap
#
# The project is built in a temporary file next to OUT and renamed to OUT at
# the very end, so a failed build leaves no half-built project behind.
# Same inputs give the same content: every timestamp the store records (project
# creation, import batches) is SOURCE_DATE_EPOCH, taken from the environment,
# else from the last git commit of the sources, else 2025-07-01 (the day the
# 2025 units took effect).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 PLANMAP_CLI OUT.planmap" >&2
  exit 2
fi
cli="$1"
out="$2"
src="$(cd "$(dirname "$0")" && pwd)/langson"
[ -x "$cli" ] || { echo "$0: '$cli' is not an executable" >&2; exit 1; }
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git -C "$src" log -1 --format=%ct -- . 2>/dev/null || true)"
  SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1751328000}"
fi
export SOURCE_DATE_EPOCH

out_dir="$(dirname "$out")"
mkdir -p "$out_dir"
tmp="$(mktemp "$out_dir/.langson.XXXXXX")"
rm -f "$tmp"                      # planmap-cli new refuses an existing file
tmp="$tmp.planmap"
cleanup() { rm -f "$tmp" "$tmp-wal" "$tmp-shm" "$tmp-journal"; }
trap cleanup EXIT

step() { echo "== $*" >&2; }
run() { "$cli" "$@" --project "$tmp"; }

step "project"
"$cli" new "$tmp" --name "Lạng Sơn" --province-code 20 --crs EPSG:9215 \
  --description "Tỉnh Lạng Sơn: đơn vị hành chính trước và sau sắp xếp ngày 01/7/2025, Kế hoạch 59/KH-UBND năm 2023"

step "province (code 20); its outline is derived from the 2025 communes below"
run units add --layer province --code 20 --full-name "Tỉnh Lạng Sơn" --name-en "Lang Son" \
  --source "units_2025.json (thanglequoc/vietnamese-provinces-database)"

step "65 communes from 1 July 2025 (geometry, types from the national code list)"
run import "$src/communes_2025.geojson" --layer communes_2025 --key code \
  --field-map name=name,full_name=fullName,name_en=nameEn \
  --code-list "$src/units_2025.json" \
  --source "communes_2025.geojson (thanglequoc/vietnamese-provinces-database @ cd58063; sapnhap.bando.com.vn)"

step "11 districts until 30 June 2025 (geometry)"
run import "$src/districts_2023.geojson" --layer districts_2023 --key ma_huyen --field-map name=ten,parent=ma_tinh \
  --source "districts_2023.geojson (daohoangson/dvhcvn @ 4b1b6b5; gis.chinhphu.vn)"

step "194 communes until 30 June 2025 (no geometry exists for them)"
run import "$src/communes_pre2025_gso.csv" --layer communes_2023 --key "Mã PX" \
  --field-map "full_name=Phường Xã,type=Cấp,parent=Mã QH,name_en=Tên Tiếng Anh" \
  --source "communes_pre2025_gso.csv (sunshine-tech/VietnamProvinces @ 809e91b; GSO list of 4 Jan 2025)"

step "province outline: GEOS unary union of the 2025 communes"
run units outline --layer province --code 20 --from communes_2025

step "crosswalk old commune -> new commune (official GSO conversion table)"
run import "$src/crosswalk_2025_official.csv" --layer crosswalk_2025

step "plan: Kế hoạch 59/KH-UBND (2023): catalogue, allocations, funding, named works"
run plan load "$src/plan"

step "illustrative layers (villages, forests, roads, facilities, progress)"
# These layers do not exist in any open source: the generator invents them
# deterministically and flags every row illustrative = 1.
# Roles take their scale (1,478 villages of which 1,108 with a hardened road;
# forest hectares; numbers of works) from the plan's indicators and link the
# invented features to them; --progress adds illustrative progress entries.
if "$cli" generate illustrative --help >/dev/null 2>&1; then
  run generate illustrative --seed 59 \
    --indicator village-roads=DA04.1.CT02 \
    --indicator commune-roads=DA04.1.CT01 \
    --indicator forest-protection-contract=DA03.1.CT02 \
    --indicator forest-natural-assigned=DA03.1.CT03 \
    --indicator forest-regeneration=DA03.1.CT04 \
    --indicator forest-production-planting=DA03.1.CT05 \
    --indicator forest-protection-planting=DA03.1.CT06 \
    --indicator water-works=DA01.CT04 \
    --indicator health-station-new=DA04.1.ND01.CT01 \
    --indicator health-station-upgrade=DA04.1.ND01.CT02 \
    --indicator road-hardening-km=DA04.1.ND01.CT03 \
    --indicator village-culture=DA06.CT03 \
    --progress DA01.CT02 --progress DA01.CT06 --progress DA05.3.CT01 --progress CT.MT.CT03 \
    --district-seats "$src/district_seats_geonames.geojson" >&2
else
  echo "SKIPPED: this planmap-cli has no 'generate' command yet; the bundled project has no illustrative layers" >&2
fi

step "check"
run info >&2
# Exit 3 = problems found: the build fails rather than ship an inconsistent project.
run validate >&2 || { status=$?; echo "$0: the project does not validate (exit $status)" >&2; exit 1; }

# Read-only connections leave an empty write-ahead log and its index behind.
if [ -s "$tmp-wal" ]; then
  echo "$0: $tmp-wal is not empty: the project was not closed cleanly" >&2
  exit 1
fi
rm -f "$tmp-wal" "$tmp-shm" "$out-wal" "$out-shm"
mv -f "$tmp" "$out"
trap - EXIT
echo "Built $out" >&2
