#!/usr/bin/env bash
# planmap-cli render: a PNG of the requested size, render_ms with --repeat,
# usage errors exit 2 and leave no file.
set -u
cli="${PLANMAP_CLI:?PLANMAP_CLI must name planmap-cli}"
proj="${PLANMAP_BUNDLED_PROJECT:?}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

png_size() {  # prints "W H" of a PNG from its IHDR chunk
  python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n", "not a PNG"; print(*struct.unpack(">II", d[16:24]))' "$1"
}

"$cli" render --project "$proj" --out "$tmp/a.png" --size 640x360 --layers communes_2025,districts_2023 --repeat 3 \
  >"$tmp/out" 2>"$tmp/err" || { fail "render exited $?"; cat "$tmp/err"; }
[ "$(png_size "$tmp/a.png" 2>/dev/null)" = "640 360" ] || fail "image size is '$(png_size "$tmp/a.png" 2>&1)', expected 640 360"
grep -Eq '^render_ms=[0-9]+(\.[0-9]+)?$' "$tmp/out" || { fail "no render_ms=<median> line"; cat "$tmp/out"; }
grep -q "illustrative" "$tmp/err" && fail "communes and districts are real data, yet an illustrative warning was printed"

# The whole map includes illustrative layers: the command says so.
"$cli" render --project "$proj" --out "$tmp/b.png" --size 400x300 --extent 106.6,21.7,106.9,21.95 \
  >"$tmp/out" 2>"$tmp/err" || fail "render with --extent exited $?"
grep -q "illustrative" "$tmp/err" || fail "no warning that the image shows illustrative data"

# A plain image has more than one colour (something was drawn).
python3 - "$tmp/a.png" <<'PY' || fail "the image looks blank"
import sys, zlib, struct
data = open(sys.argv[1], "rb").read()
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT": idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
assert len(set(raw[i:i + 4] for i in range(1, min(len(raw), 400000), 4))) > 3
PY

for args in "--layers nope" "--size 12" "--extent 1,2,3" "--dpi abc" "--repeat -1"; do
  # shellcheck disable=SC2086
  "$cli" render --project "$proj" --out "$tmp/bad.png" $args >/dev/null 2>&1
  rc=$?
  [ $rc -eq 2 ] || fail "render $args: exit $rc, expected 2"
  [ -e "$tmp/bad.png" ] && fail "render $args left a file"
done
"$cli" render --project "$proj" --size 10x10 >/dev/null 2>&1; [ $? -eq 2 ] || fail "render without --out: expected exit 2"

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "render CLI: all checks passed"
