#!/usr/bin/env bash
# The 2025 crosswalk of the bundled project: complete (every pre-2025 commune
# maps to at least one 2025 commune, every 2025 commune has a predecessor),
# the two split communes 06622 Bính Xá and 06625 Kiên Mộc map to several, and
# the 196 pairs loaded from the official GSO table are exactly those of the
# independent transcription crosswalk_2025_old_to_new.json.
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must name the bundled project}"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../data/langson"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cli() { "$PLANMAP_CLI" "$@" --project "$PLANMAP_BUNDLED_PROJECT"; }

cli units --crosswalk all --format csv >"$tmp/links.csv"
cli units --level commune --generation 2023 --format csv >"$tmp/old.csv"
cli units --level commune --generation 2025 --format csv >"$tmp/new.csv"
python3 - "$tmp/links.csv" "$tmp/old.csv" "$tmp/new.csv" "$data/crosswalk_2025_old_to_new.json" \
  "$data/crosswalk_2025_official.csv" <<'PY'
import csv, json, sys
links = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
old = {r['code'] for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'))}
new = {r['code'] for r in csv.DictReader(open(sys.argv[3], encoding='utf-8'))}
errors = []
if (len(old), len(new)) != (194, 65):
    errors.append(f'{len(old)} old and {len(new)} new communes, expected 194 and 65')
pairs = {(l['old_code'], l['new_code']): l['kind'] for l in links}
if len(links) != 196 or len(pairs) != 196:
    errors.append(f'{len(links)} links ({len(pairs)} distinct pairs), expected 196')
succ = {}
for (o, n), k in pairs.items():
    succ.setdefault(o, set()).add(n)
unmapped = old - set(succ)
if unmapped:
    errors.append(f'pre-2025 communes without a 2025 commune: {sorted(unmapped)}')
orphans = new - {n for (_, n) in pairs}
if orphans:
    errors.append(f'2025 communes without a predecessor: {sorted(orphans)}')
for code in ('06622', '06625'):
    if len(succ.get(code, ())) < 2:
        errors.append(f'split commune {code} maps to {sorted(succ.get(code, ()))}, expected several')
partial = sorted(p for p, k in pairs.items() if k == 'partial')
if len(partial) != 4:
    errors.append(f'{len(partial)} partial links, expected 4: {partial}')
if {o for o, _ in partial} != {'06622', '06625'}:
    errors.append(f'partial links come from {sorted({o for o, _ in partial})}, expected 06622 and 06625')
multi = sorted(o for o, s in succ.items() if len(s) > 1)
if multi != ['06622', '06625']:
    errors.append(f'communes mapping to several: {multi}, expected 06622 and 06625')
# The independent transcription.
j = json.load(open(sys.argv[4], encoding='utf-8'))
ref = set()
for l3 in j['level3s']:
    for s in l3['splits']:
        ref.add((l3['level3_id'], s['new_id']))
if ref != set(pairs):
    errors.append(f'pairs differ from crosswalk_2025_old_to_new.json: only in the project {sorted(set(pairs) - ref)[:5]}, '
                  f'only in the JSON {sorted(ref - set(pairs))[:5]}')
# And the official table itself (whole/partial as written).
with open(sys.argv[5], encoding='utf-8', newline='') as f:
    official = {(r['Mã Xã cũ'], r['Mã Xã mới']): ('partial' if 'một phần' in r['Ghi chú'] else 'whole')
                for r in csv.DictReader(f)}
if official != pairs:
    errors.append('pairs or kinds differ from crosswalk_2025_official.csv')
if errors:
    print('FAIL: ' + '\nFAIL: '.join(errors), file=sys.stderr)
    sys.exit(1)
PY

# The human form for a reused code: 05977 is the old Vĩnh Trại and the new Đông Kinh.
out="$(cli units --crosswalk 05977)"
grep -q "05977 Phường Vĩnh Trại (2023, until 30/06/2025) went into:" <<<"$out" || fail "05977 old unit missing: $out"
grep -q "05977 Phường Đông Kinh (2025, from 01/07/2025) was formed from:" <<<"$out" || fail "05977 new unit missing: $out"
[ "$(grep -c '^  ' <<<"$out")" -eq 5 ] || fail "05977: expected 1 successor and 4 predecessors: $out"
out="$(cli units --crosswalk 06625 --format csv)"
[ "$(tail -n +2 <<<"$out" | grep -c '^06625,')" -ge 2 ] || fail "06625 Kiên Mộc does not map to several: $out"

# validate agrees: no crosswalk errors.
cli validate --format csv >"$tmp/issues.csv" || fail "validate found errors in the bundled project"
if grep -q '^error,crosswalk' "$tmp/issues.csv"; then fail "validate reports crosswalk errors"; fi
echo "crosswalk: OK"
