#!/usr/bin/env bash
# planmap-cli info: the path of the project it opened and the counts of units
# (by level and generation), features and indicators of the bundled Lạng Sơn
# project; where the project comes from (--project, $PLANMAP_PROJECT, the
# bundled one next to the executable); a missing project is an error (exit 1).
set -euo pipefail
: "${PLANMAP_CLI:?PLANMAP_CLI must name the planmap-cli executable}"
: "${PLANMAP_BUNDLED_PROJECT:?PLANMAP_BUNDLED_PROJECT must name the bundled project}"
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$PLANMAP_BUNDLED_PROJECT" ] || fail "bundled project $PLANMAP_BUNDLED_PROJECT does not exist"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
abspath() { python3 -c 'import os,sys; print(os.path.normpath(os.path.abspath(sys.argv[1])))' "$1"; }

# Counts, from the JSON form.
"$PLANMAP_CLI" info --format json --project "$PLANMAP_BUNDLED_PROJECT" >"$tmp/info.json"
python3 - "$tmp/info.json" "$(abspath "$PLANMAP_BUNDLED_PROJECT")" <<'PY'
import json, sys
info = json.load(open(sys.argv[1], encoding='utf-8'))
errors = []
if info['project'] != sys.argv[2]:
    errors.append(f"project path {info['project']!r} != {sys.argv[2]!r}")
units = {(u['level'], u['generation']): u for u in info['units']}
expect = {('province', '2025'): (1, 1), ('district', '2023'): (11, 11),
          ('commune', '2025'): (65, 65), ('commune', '2023'): (194, 0)}
for key, (count, geom) in expect.items():
    u = units.get(key)
    if not u:
        errors.append(f'no units {key}')
    elif (u['count'], u['with_geometry']) != (count, geom):
        errors.append(f"units {key}: {u['count']} ({u['with_geometry']} with geometry), expected {count} ({geom})")
if set(units) - set(expect):
    errors.append(f'unexpected unit groups {sorted(set(units) - set(expect))}')
if info['crosswalk_links'] != 196:
    errors.append(f"crosswalk links {info['crosswalk_links']} != 196")
if info['indicators'] != 100:
    errors.append(f"indicators {info['indicators']} != 100")
layers = {l['layer']: l for l in info['features']}
for name in ('villages', 'forests', 'markets', 'projects', 'roads', 'facilities'):
    if name not in layers:
        errors.append(f'feature layer {name} missing')
m = layers.get('markets', {})
if m.get('count', 0) < 4:
    errors.append(f"markets: {m.get('count')} features, the plan names 4")
for l in layers.values():
    if not 0 <= l['illustrative'] <= l['count']:
        errors.append(f"layer {l['layer']}: illustrative {l['illustrative']} of {l['count']}")
if errors:
    print('FAIL: ' + '\nFAIL: '.join(errors), file=sys.stderr)
    sys.exit(1)
PY

# The text form says the same.
text="$("$PLANMAP_CLI" info --project "$PLANMAP_BUNDLED_PROJECT")"
grep -qF "Project file: $(abspath "$PLANMAP_BUNDLED_PROJECT")" <<<"$text" || fail "text output lacks the project path: $text"
grep -Eq '^commune +2025 +communes_2025 +65 +65$' <<<"$text" || fail "text output lacks 65 communes 2025"
grep -Eq '^commune +2023 +communes_2023 +194 +0$' <<<"$text" || fail "text output lacks 194 communes 2023"
grep -Eq '^district +2023 +districts_2023 +11 +11$' <<<"$text" || fail "text output lacks 11 districts"
grep -Eq '^province +2025 +province +1 +1$' <<<"$text" || fail "text output lacks the province"
grep -Eq '^Plan: 100 indicators' <<<"$text" || fail "text output lacks 100 indicators"

# Without --project: $PLANMAP_PROJECT, else the bundled project next to the executable.
cp "$PLANMAP_BUNDLED_PROJECT" "$tmp/copy.planmap"
out="$(PLANMAP_PROJECT="$tmp/copy.planmap" "$PLANMAP_CLI" info)"
grep -qF "Project file: $(abspath "$tmp/copy.planmap")" <<<"$out" || fail "PLANMAP_PROJECT not used: $out"
bundled="$(cd "$(dirname "$(readlink -f "$PLANMAP_CLI")")/../share/planmap" 2>/dev/null && pwd)/langson.planmap" || true
if [ "$(readlink -f "$bundled")" = "$(readlink -f "$PLANMAP_BUNDLED_PROJECT")" ]; then
  out="$(env -u PLANMAP_PROJECT "$PLANMAP_CLI" info)"
  grep -qF "Project file: $(readlink -f "$PLANMAP_BUNDLED_PROJECT")" <<<"$out" || fail "default project not used: $out"
else
  fail "the bundled project $PLANMAP_BUNDLED_PROJECT is not at <exe dir>/../share/planmap/langson.planmap"
fi

# A missing project is a runtime error naming the file.
set +e
out="$("$PLANMAP_CLI" info --project "$tmp/none.planmap" 2>&1)"; rc=$?
set -e
[ $rc -eq 1 ] || fail "missing project: exit $rc, expected 1"
grep -qF "none.planmap" <<<"$out" || fail "missing project: message does not name the file: $out"
# A file that is not a project.
head -c 4096 /dev/urandom >"$tmp/random.planmap"
set +e
out="$("$PLANMAP_CLI" info --project "$tmp/random.planmap" 2>&1)"; rc=$?
set -e
[ $rc -eq 1 ] || fail "not a project: exit $rc, expected 1 ($out)"
echo "info: OK"
