#!/usr/bin/env bash
# Contract test of `planmap-cli print` on the bundled Lạng Sơn project:
# page sizes and orientation (pdfinfo), searchable Vietnamese text
# (pdftotext), atlas page counts (11 districts of 2023, 65 communes of 2025),
# unit look-up without accents, PNG/SVG output, saved layouts, usage errors.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
[ -n "${PLANMAP_CLI:-}" ] && [ -x "$PLANMAP_CLI" ] || fail "PLANMAP_CLI is not set to an executable"
project="${PLANMAP_BUNDLED_PROJECT:-}"
[ -f "$project" ] || fail "the bundled project '$project' does not exist (build it: cmake --build <dir> --target bundled_project)"
for tool in pdfinfo pdftotext; do command -v $tool >/dev/null || fail "$tool (poppler-utils) is not installed"; done
export QT_QPA_PLATFORM=offscreen

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cli() { "$PLANMAP_CLI" "$@"; }

page_size() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p'; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
expect_size() {  # file width_pt height_pt
  read -r w h < <(page_size "$1")
  python3 - "$w" "$h" "$2" "$3" "$1" <<'PY' || exit 1
import sys
w, h, ew, eh, f = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
if abs(w - ew) > 1.0 or abs(h - eh) > 1.0:
    sys.exit(f"FAIL: {f}: page is {w} x {h} pt, expected {ew} x {eh}")
PY
}
expect_text() {  # file text
  pdftotext -enc UTF-8 "$1" - | python3 -c '
import sys, unicodedata
text = unicodedata.normalize("NFC", sys.stdin.read())
want = unicodedata.normalize("NFC", sys.argv[1])
sys.exit(0 if want in text else "FAIL: %s does not contain \"%s\"" % (sys.argv[2], want))' "$2" "$1"
}

# 1. The province briefing, A4 landscape (the project given positionally).
cli print "$project" --template briefing-a4 --out "$tmp/briefing.pdf" >"$tmp/out" 2>"$tmp/err" \
  || { cat "$tmp/err" >&2; fail "print briefing-a4 exited non-zero"; }
grep -q "briefing.pdf" "$tmp/out" || fail "print does not name the file it wrote"
[ "$(pages "$tmp/briefing.pdf")" = 1 ] || fail "briefing has $(pages "$tmp/briefing.pdf") pages"
expect_size "$tmp/briefing.pdf" 841.89 595.28
expect_text "$tmp/briefing.pdf" "Kế hoạch 59/KH-UBND ngày 05/3/2023"
expect_text "$tmp/briefing.pdf" "Tỉnh Lạng Sơn"
expect_text "$tmp/briefing.pdf" "Chú giải"
expect_text "$tmp/briefing.pdf" "Huyện, thành phố (2023)"
expect_text "$tmp/briefing.pdf" "Xã, phường (2025)"
pdffonts "$tmp/briefing.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' \
  || fail "a font of the briefing is not embedded"

# 2. One district, named without accents, portrait, with --project.
cli print --project "$project" --template district-a4 --unit "loc binh" --out "$tmp/loc-binh.pdf" >/dev/null 2>"$tmp/err" \
  || { cat "$tmp/err" >&2; fail "print --unit 'loc binh' exited non-zero"; }
expect_size "$tmp/loc-binh.pdf" 595.28 841.89
expect_text "$tmp/loc-binh.pdf" "Huyện Lộc Bình"
grep -q "Xã Lộc Bình" "$tmp/err" || fail "no note that \"loc binh\" also names Xã Lộc Bình"
cli print "$project" --template district-a4 --unit "Lộc Bình" --level commune --out "$tmp/xa.pdf" >/dev/null 2>&1 \
  || fail "print --unit 'Lộc Bình' --level commune exited non-zero"
expect_text "$tmp/xa.pdf" "Xã Lộc Bình"
cli print "$project" --unit 188 --orientation portrait --out "$tmp/188.pdf" >/dev/null 2>&1 || fail "--unit 188 failed"
expect_size "$tmp/188.pdf" 595.28 841.89
expect_text "$tmp/188.pdf" "Huyện Lộc Bình"

# 3. Atlases: one page per district of 2023 and per commune of 2025.
cli print "$project" --template district-a4 --atlas district --out "$tmp/districts.pdf" >/dev/null 2>&1 \
  || fail "district atlas failed"
[ "$(pages "$tmp/districts.pdf")" = 11 ] || fail "district atlas has $(pages "$tmp/districts.pdf") pages, expected 11"
expect_text "$tmp/districts.pdf" "Huyện Tràng Định"
expect_text "$tmp/districts.pdf" "Thành phố Lạng Sơn"
cli print "$project" --template district-a4 --atlas commune --out "$tmp/communes.pdf" >/dev/null 2>&1 \
  || fail "commune atlas failed"
[ "$(pages "$tmp/communes.pdf")" = 65 ] || fail "commune atlas has $(pages "$tmp/communes.pdf") pages, expected 65"
cli print "$project" --atlas district --split --out "$tmp/split.pdf" >/dev/null 2>&1 || fail "--split failed"
[ "$(ls "$tmp"/split-*.pdf | wc -l)" = 11 ] || fail "--split did not write 11 files"
[ ! -e "$tmp/split.pdf" ] || fail "--split also wrote the single document"

# 4. A3 wall map, PNG and SVG.
cli print "$project" --template wall-a3 --out "$tmp/wall.pdf" >/dev/null 2>&1 || fail "wall-a3 failed"
expect_size "$tmp/wall.pdf" 1190.55 841.89
cli print "$project" --template briefing-a4 --dpi 60 --out "$tmp/briefing.png" >/dev/null 2>&1 || fail "PNG export failed"
python3 - "$tmp/briefing.png" <<'PY' || exit 1
import struct, sys
data = open(sys.argv[1], "rb").read(32)
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
if (w, h) != (702, 496):  # 297 x 210 mm at 60 dpi
    sys.exit(f"FAIL: PNG is {w} x {h}, expected 702 x 496")
PY
cli print "$project" --template briefing-a4 --out "$tmp/briefing.svg" >/dev/null 2>&1 || fail "SVG export failed"
grep -q "Tỉnh Lạng Sơn" "$tmp/briefing.svg" || fail "the SVG has no text"

# 5. Saved layouts: save (writes the project), list, reuse.
cp "$project" "$tmp/copy.planmap"
cli print "$tmp/copy.planmap" --template wall-a3 --grid graticule --title "Bản đồ {unit}" --save-layout "Treo tường" \
  --out "$tmp/saved.pdf" >/dev/null 2>&1 || fail "--save-layout failed"
cli print "$tmp/copy.planmap" --list | grep -q "Treo tường" || fail "--list does not show the saved layout"
cli print "$tmp/copy.planmap" --layout "Treo tường" --unit "Tràng Định" --out "$tmp/reuse.pdf" >/dev/null 2>&1 \
  || fail "--layout failed"
expect_size "$tmp/reuse.pdf" 1190.55 841.89
expect_text "$tmp/reuse.pdf" "Bản đồ Huyện Tràng Định"

# 6. Errors: usage mistakes exit 2, unknown things exit 1, nothing written.
set +e
cli print "$project" --atlas province --out "$tmp/x.pdf" >/dev/null 2>&1; [ $? = 2 ] || fail "--atlas province should exit 2"
cli print "$project" --template poster --out "$tmp/x.pdf" >/dev/null 2>&1; [ $? = 2 ] || fail "unknown template should exit 2"
cli print "$project" --out "$tmp/x.docx" >/dev/null 2>&1; [ $? = 2 ] || fail ".docx should exit 2"
cli print "$project" >/dev/null 2>&1; [ $? = 2 ] || fail "missing --out should exit 2"
cli print "$project" --unit "Hà Nội" --out "$tmp/x.pdf" >/dev/null 2>"$tmp/err"; [ $? = 1 ] || fail "unknown unit should exit 1"
grep -q "Hà Nội" "$tmp/err" || fail "the message does not name the unit"
cli print "$project" --layout "không có" --out "$tmp/x.pdf" >/dev/null 2>&1; [ $? = 1 ] || fail "unknown layout should exit 1"
set -e
[ ! -e "$tmp/x.pdf" ] || fail "a failed print left a file"
echo "ok"
