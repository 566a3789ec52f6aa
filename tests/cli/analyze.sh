#!/usr/bin/env bash
# planmap-cli analyze underserved|catchment|forest on the bundled project:
# figures checked against independent computations (Vincenty's geodesic
# distances in Python, SpatiaLite's ellipsoidal areas, the documented score
# formula), filters, --out formats, --record-progress, and usage errors (exit 2).
set -euo pipefail
cli="${PLANMAP_CLI:?}"
project="${PLANMAP_BUNDLED_PROJECT:?}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$project" ] || fail "no bundled project at $project"

# --- usage errors: exit 2 with a message naming the option ------------------------------
expect_usage() {  # expect_usage "text in the message" args...
    local want="$1"; shift
    set +e
    "$cli" "$@" > /dev/null 2> "$tmp/err"; local status=$?
    set -e
    [ $status -eq 2 ] || fail "'$*': exit $status, expected 2"
    grep -qF -- "$want" "$tmp/err" || fail "'$*': message lacks '$want': $(head -1 "$tmp/err")"
}
expect_usage "needs the analysis" analyze
expect_usage "unknown analysis 'nowhere'" analyze nowhere
expect_usage "--market-km must be a number > 0, not 'abc'" analyze underserved --market-km abc --project "$project"
expect_usage "--school-km must be a number > 0, not '0'" analyze underserved --school-km 0 --project "$project"
expect_usage "--weight-dbkk must be a number >= 0" analyze underserved --weight-dbkk -1 --project "$project"
expect_usage "--network must be auto or off" analyze underserved --network maybe --project "$project"
expect_usage "use .csv, .xlsx or .gpkg" analyze underserved --out "$tmp/result.txt" --project "$project"
expect_usage "--district: no district with code '999'" analyze underserved --district 999 --project "$project"
expect_usage "--what-if must be LON,LAT" analyze catchment --what-if 106.7 --project "$project"
expect_usage "--radius-km must be a number > 0" analyze catchment --radius-km -5 --project "$project"
expect_usage "--record-progress must be a date YYYY-MM-DD" analyze forest --record-progress 31/12/2025 --project "$project"
expect_usage "go with --record-progress" analyze forest --progress-level district --project "$project"
[ ! -e "$tmp/result.txt" ] || fail "a refused --out left a file"

# --- underserved villages --------------------------------------------------------------
"$cli" analyze underserved --project "$project" --top 10 --out "$tmp/u.csv" > "$tmp/u.txt"
grep -q "KẾT QUẢ MINH HỌA" "$tmp/u.txt" || fail "underserved: illustrative notice on screen"
"$cli" analyze underserved --project "$project" --district 189 --out "$tmp/u189.csv" > /dev/null
"$cli" analyze underserved --project "$project" --market-km 8 --weight-road 0 --out "$tmp/u8.csv" > /dev/null
"$cli" analyze underserved --project "$project" --out "$tmp/u.gpkg" > /dev/null
"$cli" analyze underserved --project "$project" --out "$tmp/u.xlsx" > /dev/null

# --- market catchments -----------------------------------------------------------------
# A candidate where the village ranked first by need lies (an unserved place).
read -r wlon wlat < <(python3 -c "
import csv,sys
r = next(csv.DictReader(open('$tmp/u.csv', encoding='utf-8-sig')))
print(r['lon'], r['lat'])")
"$cli" analyze catchment --project "$project" --what-if "$wlon,$wlat,TEST" --top 5 --out "$tmp/c.csv" > "$tmp/c.txt"
"$cli" analyze catchment --project "$project" --radius-km 8 --out "$tmp/c8.csv" > "$tmp/c8.txt"

# --- forest ----------------------------------------------------------------------------
"$cli" analyze forest --project "$project" --out "$tmp/f.csv" > "$tmp/f.txt"
"$cli" analyze forest --project "$project" --out "$tmp/f.gpkg" > /dev/null
spatialite_total="$(spatialite -silent "$project" "SELECT printf('%.6f', sum(ST_Area(geom, 1)) / 10000.0) FROM forests" 2>/dev/null | tail -1)"

cp "$project" "$tmp/copy.planmap"
before="$(sqlite3 "$tmp/copy.planmap" "SELECT count(*) FROM progress_entries")"
"$cli" analyze forest --project "$tmp/copy.planmap" --no-overlaps --record-progress 2025-06-30 --author test > "$tmp/rec.txt"
after="$(sqlite3 "$tmp/copy.planmap" "SELECT count(*) FROM progress_entries")"
recorded="$(sed -n 's/^Recorded \([0-9]*\) progress entries as of 2025-06-30 (flagged illustrative)$/\1/p' "$tmp/rec.txt")"
[ -n "$recorded" ] && [ "$recorded" -gt 0 ] || fail "record-progress: no 'Recorded N ... (flagged illustrative)' line"
[ $((after - before)) -eq "$recorded" ] || fail "record-progress: $((after - before)) rows added, $recorded reported"
[ "$(sqlite3 "$tmp/copy.planmap" "SELECT count(*) FROM progress_entries WHERE as_of = '2025-06-30' AND author = 'test' AND illustrative = 1")" -eq "$recorded" ] \
    || fail "record-progress: entries not dated, authored and flagged illustrative"

python3 - "$project" "$tmp" "$wlon" "$wlat" "$spatialite_total" <<'PY'
import csv, math, sqlite3, struct, sys
project, tmp, wlon, wlat, spatialite_total = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])

def check(cond, what):
    if not cond:
        sys.exit("FAIL: " + what)

def rows(name):
    return list(csv.DictReader(open(f"{tmp}/{name}", encoding="utf-8-sig")))

def vincenty(lon1, lat1, lon2, lat2):
    """Geodesic distance on WGS 84 (Vincenty's inverse formula), metres."""
    a, f = 6378137.0, 1 / 298.257223563
    b = a * (1 - f)
    L = math.radians(lon2 - lon1)
    U1, U2 = math.atan((1 - f) * math.tan(math.radians(lat1))), math.atan((1 - f) * math.tan(math.radians(lat2)))
    sU1, cU1, sU2, cU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sl, cl = math.sin(lam), math.cos(lam)
        ss = math.hypot(cU2 * sl, cU1 * sU2 - sU1 * cU2 * cl)
        if ss == 0:
            return 0.0
        cs = sU1 * sU2 + cU1 * cU2 * cl
        sigma = math.atan2(ss, cs)
        sa = cU1 * cU2 * sl / ss
        c2a = 1 - sa * sa
        c2sm = cs - 2 * sU1 * sU2 / c2a if c2a else 0.0
        C = f / 16 * c2a * (4 + f * (4 - 3 * c2a))
        prev, lam = lam, L + (1 - C) * f * sa * (sigma + C * ss * (c2sm + C * cs * (-1 + 2 * c2sm * c2sm)))
        if abs(lam - prev) < 1e-13:
            break
    u2 = c2a * (a * a - b * b) / (b * b)
    A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    ds = B * ss * (c2sm + B / 4 * (cs * (-1 + 2 * c2sm * c2sm) - B / 6 * c2sm * (-3 + 4 * ss * ss) * (-3 + 4 * c2sm * c2sm)))
    return b * A * (sigma - ds)

def point(blob):
    """x, y of a SpatiaLite POINT blob."""
    e = "<" if blob[1] == 1 else ">"
    return struct.unpack(e + "dd", blob[43:59])

db = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
villages = {i: point(g) for i, g in db.execute("SELECT id, geom FROM villages WHERE geom IS NOT NULL")}
markets = [point(g) for (g,) in db.execute("SELECT geom FROM markets WHERE geom IS NOT NULL AND status IS NOT 'new'")]
check(db.execute("SELECT count(*) FROM projects WHERE project_type = 'market' AND status = 'completed'").fetchone()[0] == 0,
      "the bundled project has no built market projects (else count them here)")

# Underserved: every village once, ranked by score, scores as documented.
u = rows("u.csv")
check(len(u) == len(villages) == 1478, f"underserved: {len(u)} rows for {len(villages)} villages")
check([int(r["rank"]) for r in u] == list(range(1, len(u) + 1)), "underserved: ranks 1..N in order")
scores = [float(r["score"]) for r in u]
check(all(a >= b for a, b in zip(scores, scores[1:])), "underserved: sorted by score")
check(all(r["illustrative"] == "1" for r in u), "underserved: rows flagged illustrative")

def score(r, thresholds=(5000, 5000, 3000, 1000), weights=(1, 1, 1, 1), cap=3.0):
    s = 0.0
    for key, t, w in zip(("market", "health", "school", "road"), thresholds, weights):
        d = r[f"{key}_m"]
        if d == "":
            s += w * cap
        elif float(d) > t:
            s += min(w * float(d) / t, w * cap)
    if r["dbkk"] == "1":
        s += 1.0
    s += {"3": 1.0, "2": 0.5}.get(r["ethnic_area"], 0.0)
    return s

for r in u:
    check(r["market_scored"] == "straight_line", "underserved: straight-line scoring by default")
    check(abs(score(r) - float(r["score"])) < 0.002, f"underserved: score of {r['village']}: {score(r)} vs {r['score']}")
u8 = rows("u8.csv")
for r in u8:
    check(abs(score(r, thresholds=(8000, 5000, 3000, 1000), weights=(1, 1, 1, 0)) - float(r["score"])) < 0.002,
          f"--market-km 8 --weight-road 0: score of {r['village']}")

# Straight-line distance to the nearest market: the minimum over every market in service.
nearest = {}
for vid, (x, y) in villages.items():
    nearest[vid] = min(vincenty(x, y, mx, my) for mx, my in markets)
for r in u:
    got, want = float(r["market_m"]), nearest[int(r["village_id"])]
    check(abs(got - want) < 0.1, f"underserved: {r['village']} market {got} m, Vincenty says {want:.1f} m")

# District filter: the villages of Đình Lập (189) with the ranks of the whole province.
u189 = rows("u189.csv")
whole = {r["village_id"]: r["rank"] for r in u if r["district_2023_code"] == "189"}
check(len(u189) == len(whole) > 0, f"--district 189: {len(u189)} rows, {len(whole)} expected")
check(all(whole[r["village_id"]] == r["rank"] for r in u189), "--district keeps the province ranks")

# Catchments: unserved = no market within the radius, by the same distances.
for name, radius in (("c.csv", 5000), ("c8.csv", 8000)):
    c = rows(name)
    check(len(c) == 1478, f"{name}: every village")
    for r in c:
        want = nearest[int(r["village_id"])]
        check(abs(float(r["nearest_market_m"]) - want) < 0.1, f"{name}: distance of {r['village']}")
        check((r["served"] == "1") == (want <= radius), f"{name}: {r['village']} served = {r['served']} at {want:.1f} m")
    served = sum(r["served"] == "1" for r in c)
    text = open(f"{tmp}/{name[:-4]}.txt", encoding="utf-8").read()
    check(f"{served} villages served, {1478 - served} unserved" in text, f"{name}: counts on screen")

# What-if: the unserved villages within 5 km of the candidate.
unserved = [vid for vid, d in nearest.items() if d > 5000]
gain = sum(1 for vid in unserved if vincenty(wlon, wlat, *villages[vid]) <= 5000)
line = [l for l in open(f"{tmp}/c.txt", encoding="utf-8") if " TEST " in l]
check(len(line) == 1, "what-if: one TEST row")
check(int(line[0].split()[4]) == gain and gain > 0, f"what-if: {line[0].strip()} vs {gain} expected")

# Forest: geodesic plot areas add up to SpatiaLite's ellipsoidal total.
f = rows("f.csv")
check(len(f) == db.execute("SELECT count(*) FROM forests").fetchone()[0], "forest: one row per plot")
total = sum(float(r["area_ha"]) for r in f)
check(abs(total - spatialite_total) < 1e-5 * spatialite_total, f"forest: {total} ha vs SpatiaLite {spatialite_total} ha")
text = open(f"{tmp}/f.txt", encoding="utf-8").read()
for code, target in (("DA03.1.CT02", "26.900"), ("DA03.1.CT03", "73.670"), ("DA03.1.CT04", "646"),
                     ("DA03.1.CT05", "6.000"), ("DA03.1.CT06", "700")):
    check(any(l.split()[:2] == [code, target] for l in text.splitlines() if l.strip()), f"forest: {code} target {target}")
PY

# --- --out formats ---------------------------------------------------------------------
ogrinfo -ro -q "$tmp/u.gpkg" > "$tmp/u.layers"
grep -q "underserved_villages (Point)" "$tmp/u.layers" || fail "gpkg: the villages layer with points"
grep -q "thong_tin" "$tmp/u.layers" || fail "gpkg: thong_tin"
[ "$(ogrinfo -ro -q "$tmp/u.gpkg" -sql "SELECT count(*) AS n FROM underserved_villages" | sed -n 's/.*n (Integer) = //p')" = 1478 ] \
    || fail "gpkg: 1478 villages"
ogrinfo -ro -q "$tmp/u.xlsx" > "$tmp/x.layers"
for sheet in underserved_villages summary_district_2023 thong_tin chu_giai; do
    grep -q "$sheet" "$tmp/x.layers" || fail "xlsx: sheet $sheet"
done
ogrinfo -ro -q "$tmp/f.gpkg" | grep -q "forest_plots" || fail "forest gpkg: forest_plots"
echo "ok"
