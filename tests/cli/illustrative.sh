#!/usr/bin/env bash
# planmap-cli generate illustrative: usage, and what it put in the bundled project.
set -euo pipefail
cli="${PLANMAP_CLI:?}"
project="${PLANMAP_BUNDLED_PROJECT:?}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" generate illustrative --help > "$tmp/help" || fail "--help"
grep -q "village-roads" "$tmp/help" || fail "--help lists the roles"
grep -q "MH" "$tmp/help" || fail "--help says how names are marked"

set +e
"$cli" generate illustrative --indicator no-such-role=X --project "$tmp/none.planmap" 2>/dev/null; [ $? -eq 2 ] || fail "unknown role: exit 2"
"$cli" generate illustrative --seed abc --project "$tmp/none.planmap" 2>/dev/null; [ $? -eq 2 ] || fail "bad seed: exit 2"
set -e

[ -f "$project" ] || fail "no bundled project at $project"
python3 - "$project" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
q = lambda sql: c.execute(sql).fetchone()[0]
def check(cond, what):
    if not cond: sys.exit("FAIL: " + what)
check(q("SELECT count(*) FROM villages") == 1478, "1478 villages")
check(q("SELECT count(*) FROM villages WHERE road_status = 'hardened'") == 1108, "1108 villages with a hardened road")
for t in ["villages", "roads", "forests", "facilities", "markets", "projects"]:
    check(q(f"SELECT count(*) FROM {t} WHERE user_key LIKE 'mh-%'") > 0, f"{t}: generated rows")
    check(q(f"SELECT count(*) FROM {t} WHERE user_key LIKE 'mh-%' AND (illustrative IS NOT 1 OR source NOT LIKE 'minh họa (planmap generate, seed %' OR name NOT LIKE '%MH-%')") == 0,
          f"{t}: every generated row flagged, sourced and named MH")
    check(q(f"SELECT count(*) FROM {t} WHERE illustrative = 1 AND user_key NOT LIKE 'mh-%'") == 0, f"{t}: no other illustrative rows")
check(q("SELECT count(*) FROM progress_entries WHERE illustrative = 0") == 0, "progress entries flagged")
for code, target in [("DA03.1.CT02", 26900), ("DA03.1.CT03", 73670), ("DA03.1.CT04", 646), ("DA03.1.CT05", 6000), ("DA03.1.CT06", 700)]:
    ha = q(f"SELECT sum(f.area_ha) FROM forests f JOIN feature_indicator_links l ON l.feature_id = f.id JOIN plan_nodes n ON n.id = l.indicator_id WHERE n.code = '{code}'")
    check(ha is not None and abs(ha - target) <= 0.02 * target, f"{code}: {ha} ha vs {target}")
check(q("SELECT illustrative_summary FROM layers WHERE name = 'villages'").find("MINH HỌA") >= 0, "layer summary")
PY

# A second run is refused and leaves the project untouched.
cp "$project" "$tmp/copy.planmap"
before="$(sha256sum < "$tmp/copy.planmap")"
set +e
"$cli" generate illustrative --project "$tmp/copy.planmap" > /dev/null 2> "$tmp/err"; status=$?
set -e
[ $status -eq 1 ] || fail "second run: exit $status, expected 1"
grep -q "already holds illustrative data" "$tmp/err" || fail "second run: message"
[ "$before" = "$(sha256sum < "$tmp/copy.planmap")" ] || fail "second run changed the project"
echo "ok"
