#!/usr/bin/env bash
# Contract tests of `planmap-cli progress ...` and `planmap-cli report` on a
# copy of the bundled Lạng Sơn project: recording, codes resolved by date,
# refusals that write nothing, history, import of a district report
# (atomic, idempotent, saved mappings), reports, and `plan --format csv`
# reflecting new progress at once.
set -uo pipefail

: "${PLANMAP_CLI:?PLANMAP_CLI must point to planmap-cli}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must point to the bundled project}"
: "${PLANMAP_TEST_FIXTURES:?PLANMAP_TEST_FIXTURES must point to tests/fixtures}"
[ -f "$PLANMAP_BUNDLED_PROJECT" ] || { echo "FAIL: no bundled project at $PLANMAP_BUNDLED_PROJECT (build it first)"; exit 1; }
py=/usr/bin/python3
[ -x "$py" ] || py=python3

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
proj="$tmp/langson.planmap"
cp "$PLANMAP_BUNDLED_PROJECT" "$proj"
fixtures="$PLANMAP_TEST_FIXTURES/progress"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cli() { "$PLANMAP_CLI" "$@" --project "$proj"; }
count() { sqlite3 "$proj" "SELECT count(*) FROM progress_entries"; }
# expect_exit CODE DESCRIPTION -- command...: runs it, keeps stdout/stderr in $tmp/out $tmp/err
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    fail "$what: exit $got, expected $want"; sed 's/^/  out: /' "$tmp/out" | head -20; sed 's/^/  err: /' "$tmp/err" | head -20
    return 1
  fi
  return 0
}
contains() { grep -qF -- "$2" "$1" || { fail "$3: '$2' not in output"; sed 's/^/  | /' "$1" | head -20; }; }

# plan_field CODE COLUMN: the value of a column of `plan --format csv` for an indicator.
plan_field() {
  cli plan --format csv | "$py" -c '
import csv, sys
code, col = sys.argv[1], sys.argv[2]
for r in csv.DictReader(sys.stdin):
    if r["code"] == code:
        print(r[col]); break
' "$1" "$2"
}

# --- recording ---------------------------------------------------------------------------
[ "$(plan_field DA02.CT01 achieved)" = "" ] || fail "a fresh project has no achieved value"
expect_exit 0 "progress add at a district" -- cli progress add --indicator DA02.CT01 --unit 180 --value 1 \
  --date 2023-06-30 --source "Báo cáo 6 tháng (minh họa)" --illustrative --author tester &&
  contains "$tmp/out" "Huyện Tràng Định (180)" "progress add output"
[ "$(plan_field DA02.CT01 achieved)" = "1" ] || fail "plan --format csv: achieved of DA02.CT01 is '$(plan_field DA02.CT01 achieved)', expected 1"
[ "$(plan_field DA02.CT01 percent)" = "14.29" ] || fail "plan --format csv: percent of DA02.CT01 is '$(plan_field DA02.CT01 percent)', expected 14.29 (1 of 7)"

expect_exit 0 "ratio value" -- cli progress add --indicator DA04.1.CT01 --unit 180 --value 20/23 --date 2023-03-31 --illustrative &&
  contains "$tmp/out" "= 20/23 as of 2023-03-31" "ratio value output"

# Commune codes are resolved by the date (05977: Vĩnh Trại before the reform, Đông Kinh after it).
expect_exit 0 "commune 05977 in 2023" -- cli progress add --indicator DA04.1.ND02.CT01 --unit 05977 --value 2 --date 2023-06-30 --illustrative &&
  contains "$tmp/out" "Phường Vĩnh Trại (05977)" "05977 in 2023"
expect_exit 0 "commune 05977 in 2025" -- cli progress add --indicator DA04.1.ND02.CT01 --unit 05977 --value 4 --date 2025-08-31 --illustrative &&
  contains "$tmp/out" "Phường Đông Kinh (05977)" "05977 after the reform"
expect_exit 0 "forced generation" -- cli progress add --indicator DA04.1.ND02.CT01 --unit 05977 --value 3 --date 2025-08-31 --generation 2023 --illustrative &&
  contains "$tmp/out" "Phường Vĩnh Trại (05977)" "--generation 2023"

# --- refusals write nothing -----------------------------------------------------------------
before=$(count)
expect_exit 1 "unknown indicator" -- cli progress add --indicator NOPE.CT01 --unit 180 --value 1 --date 2023-06-30 &&
  contains "$tmp/err" "unknown indicator" "unknown indicator message"
expect_exit 1 "unknown unit" -- cli progress add --indicator DA02.CT01 --unit 99999 --value 1 --date 2023-06-30 &&
  contains "$tmp/err" "99999" "unknown unit message"
expect_exit 1 "district after the reform" -- cli progress add --indicator DA02.CT01 --unit 180 --value 1 --date 2025-09-01 &&
  contains "$tmp/err" "--generation" "district after the reform message"
expect_exit 2 "malformed date" -- cli progress add --indicator DA02.CT01 --unit 180 --value 1 --date 2023-02-30 &&
  contains "$tmp/err" "YYYY-MM-DD" "malformed date message"
expect_exit 2 "non-numeric value" -- cli progress add --indicator DA02.CT01 --unit 180 --value abc --date 2023-06-30 &&
  contains "$tmp/err" "plain number" "non-numeric value message"
expect_exit 2 "decimal comma" -- cli progress add --indicator DA02.CT01 --unit 180 --value 12,5 --date 2023-06-30
expect_exit 1 "negative value" -- cli progress add --indicator DA02.CT01 --unit 180 --value -1 --date 2023-06-30 &&
  contains "$tmp/err" "negative" "negative value message"
expect_exit 1 "ratio without a fraction" -- cli progress add --indicator DA04.1.CT01 --unit 180 --value 90 --date 2023-06-30
expect_exit 2 "unit and feature missing" -- cli progress add --indicator DA02.CT01 --value 1 --date 2023-06-30
[ "$(count)" = "$before" ] || fail "refused commands wrote entries ($before -> $(count))"

# --- correct, withdraw, list, history ------------------------------------------------------------
first=$(sqlite3 "$proj" "SELECT id FROM progress_entries WHERE indicator_id = (SELECT id FROM plan_nodes WHERE code = 'DA02.CT01') ORDER BY id LIMIT 1")
expect_exit 0 "correct" -- cli progress correct "$first" --value 2 --note "báo cáo bổ sung"
[ "$(plan_field DA02.CT01 achieved)" = "2" ] || fail "after the correction achieved is '$(plan_field DA02.CT01 achieved)', expected 2"
expect_exit 1 "correcting a superseded entry" -- cli progress correct "$first" --value 3
expect_exit 0 "history csv" -- cli progress history --indicator DA02.CT01 --format csv
"$py" - "$tmp/out" "$first" <<'PY' || fail "history csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
need = {"unit_code", "unit_name", "value", "as_of", "source", "entered_at", "superseded"}
assert need <= set(rows[0].keys()), rows[0].keys()
assert len(rows) == 2, rows
assert rows[0]["id"] == sys.argv[2] and rows[0]["superseded"] == "yes" and rows[0]["value"] == "1", rows[0]
assert rows[1]["superseded"] == "no" and rows[1]["value"] == "2" and rows[1]["supersedes"] == sys.argv[2], rows[1]
assert rows[0]["unit_code"] == "180" and rows[0]["unit_name"] == "Huyện Tràng Định", rows[0]
assert rows[0]["source"] == "Báo cáo 6 tháng (minh họa)" and rows[0]["illustrative"] == "1", rows[0]
PY
expect_exit 0 "list csv" -- cli progress list --indicator DA04.1.ND02.CT01 --format csv
# 05977 of 2023 (newest: 3 as of 2025-08-31) and 05977 of 2025 (4)
[ "$(tail -n +2 "$tmp/out" | wc -l)" = "2" ] || fail "progress list: expected 2 entries in force for DA04.1.ND02.CT01"
second=$(sqlite3 "$proj" "SELECT max(id) FROM progress_entries WHERE indicator_id = (SELECT id FROM plan_nodes WHERE code = 'DA02.CT01')")
expect_exit 0 "withdraw" -- cli progress withdraw "$second" --note "nhầm"
[ "$(plan_field DA02.CT01 achieved)" = "" ] || fail "after the withdrawal DA02.CT01 has no value"
expect_exit 0 "rollup" -- cli progress rollup --indicator DA04.1.ND02.CT01 --format csv

# --- import ------------------------------------------------------------------------------------------
before=$(count)
expect_exit 3 "dry run of a report with bad rows" -- cli progress import "$fixtures/bao_cao_loi.xlsx" --unit 180 --date 2023-06-30 --dry-run &&
  { contains "$tmp/err" "row 7, column E (Kết quả thực hiện / Thực hiện): 'khoảng 1' is not a number" "bad rows: row/column";
    contains "$tmp/err" "row 8, column B (Chỉ tiêu): unknown indicator" "bad rows: unknown indicator"; }
expect_exit 1 "import of a report with bad rows" -- cli progress import "$fixtures/bao_cao_loi.xlsx" --unit 180 --date 2023-06-30 &&
  contains "$tmp/err" "Nothing imported" "bad rows refused"
[ "$(count)" = "$before" ] || fail "a refused import wrote entries"

expect_exit 0 "dry run" -- cli progress import "$fixtures/bao_cao_trang_dinh_6thang_2023.xlsx" --unit 180 --date 2023-06-30 \
  --source "Báo cáo 6 tháng (minh họa)" --illustrative --dry-run --save-mapping "Tràng Định 6 tháng" &&
  contains "$tmp/out" "Nothing was written" "dry run preview"
[ "$(count)" = "$before" ] || fail "a dry run wrote entries"
expect_exit 0 "import with the saved mapping" -- cli progress import "$fixtures/bao_cao_trang_dinh_6thang_2023.xlsx" --mapping "Tràng Định 6 tháng" &&
  contains "$tmp/out" "Imported:" "import"
[ "$(count)" = "$((before + 5))" ] || fail "import: expected 5 new entries"
expect_exit 0 "same import again" -- cli progress import "$fixtures/bao_cao_trang_dinh_6thang_2023.xlsx" --mapping "Tràng Định 6 tháng" &&
  { contains "$tmp/out" "0 appended, 0 corrected, 5 unchanged" "idempotent import"; contains "$tmp/out" "imported before" "re-import noticed"; }
[ "$(count)" = "$((before + 5))" ] || fail "importing twice doubled entries"
[ "$(plan_field DA02.CT01 achieved)" = "1" ] || fail "after the import DA02.CT01 achieved is '$(plan_field DA02.CT01 achieved)', expected 1"
expect_exit 0 "mappings" -- cli progress mappings && contains "$tmp/out" "Tràng Định 6 tháng" "saved mapping listed"

printf 'Mã chỉ tiêu,Xã,Lũy kế,Ngày\nDA04.1.ND02.CT02,Chí Minh,1,30/06/2023\n' >"$tmp/cho.csv"
expect_exit 0 "csv with --map and --district" -- cli progress import "$tmp/cho.csv" --map "unit=Xã,value=Lũy kế,date=Ngày" --district 180 --illustrative &&
  contains "$tmp/out" "1 appended" "csv import"

# --- reports ---------------------------------------------------------------------------------------------
expect_exit 0 "report csv" -- cli report --format csv --out "$tmp/report.csv" --date 2023-08-15
"$py" - "$tmp/report.csv" <<'PY' || fail "report csv content"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
need = ["section", "unit_code", "indicator_code", "target", "achieved", "percent", "status"]
assert all(c in rows[0] for c in need), rows[0].keys()
units = {r["unit_code"] for r in rows}
assert "20" in units and len(units) == 12, units           # the province and 11 districts
r = {(x["unit_code"], x["indicator_code"]): x for x in rows}
x = r[("180", "DA02.CT01")]
assert x["target"] == "2" and x["achieved"] == "1" and x["percent"] == "50" and x["status"] == "at_risk" and x["illustrative"] == "1", x
x = r[("20", "DA02.CT01")]
assert x["target"] == "7" and x["achieved"] == "1" and x["status"] == "behind", x
assert r[("181", "DA02.CT01")]["status"] == "no_data"
assert r[("180", "CT.MT.CT02")]["status"] == "no_target", r[("180", "CT.MT.CT02")]    # no allocation to Tràng Định
PY
expect_exit 0 "report md for one district" -- cli report --format md --out "$tmp/report.md" --district "Tràng Định" --date 2023-12-31 &&
  { contains "$tmp/report.md" "## Huyện Tràng Định (180)" "md section"; contains "$tmp/report.md" "minh họa" "md illustrative flag"; }
grep -q "Tỉnh Lạng Sơn" "$tmp/report.md" && fail "--district report has the province section"
# "Lộc Bình" names a district and a town (Thị trấn Lộc Bình): --district means the district.
expect_exit 0 "report for a district whose name a town shares" -- cli report --format md --out "$tmp/lb.md" --district "loc binh" --date 2023-12-31 &&
  contains "$tmp/lb.md" "## Huyện Lộc Bình (188)" "district named like a town"
expect_exit 0 "report xlsx" -- cli report --format xlsx --out "$tmp/report.xlsx" --date 2023-12-31
ogrinfo -ro -q "$tmp/report.xlsx" 2>/dev/null | grep -q "Huyện Tràng Định" || fail "report xlsx: no sheet for Huyện Tràng Định"
expect_exit 2 "report without --out" -- cli report --format csv
expect_exit 1 "report of an unknown district" -- cli report --format csv --out "$tmp/x.csv" --district 999
[ -e "$tmp/x.csv" ] && fail "a failed report left a file"

sqlite3 "$proj" "PRAGMA integrity_check" | grep -qx ok || fail "integrity check"
if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "progress CLI: all checks passed"
