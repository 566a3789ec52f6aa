// Roads: a connected network joining district seats, commune centres and
// villages, and which villages have a hardened road to their commune centre.
//
// The trunk is a minimum spanning tree of the district seats (provincial
// roads); commune centres join it by a spanning tree over seats and centres
// (district and commune roads) plus a few extra links that make loops; the
// villages of each commune hang off its centre by a minimum spanning tree
// (village roads). Each line starts and ends exactly at its two nodes, so the
// network is connected at endpoints.
//
// A village has a hardened road when every village road on its way to the
// commune centre is hardened, so the set of hardened villages is closed
// towards the centre. It is chosen to hit the VillageRoads share exactly and,
// first, to give the CommuneRoads share of old communes a hardened road to
// their centre village.
#include "Workspace.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

namespace planmap::layers::illustrative::detail {

namespace {

constexpr double kPi = 3.141592653589793;

struct DisjointSets {
    explicit DisjointSets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x)
    {
        while (parent[static_cast<std::size_t>(x)] != x) {
            parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
            x = parent[static_cast<std::size_t>(x)];
        }
        return x;
    }
    bool unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        parent[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
        return true;
    }
    std::vector<int> parent;
};

/// A gently winding line from a to b: points every ~350 m displaced
/// sideways by a smooth curve that vanishes at both ends.
std::vector<Pt> windingLine(Pt a, Pt b, Rng& rng)
{
    const double length = distance(a, b);
    const int segments = std::clamp(static_cast<int>(std::lround(length / 350.0)), 1, 60);
    const double amplitude = std::min(0.07 * length, 180.0) * rng.uniform(0.3, 1.0);
    const double f1 = rng.between(1, 2), f2 = rng.between(3, 5);
    const double p1 = rng.uniform(0, 2 * kPi), p2 = rng.uniform(0, 2 * kPi);
    const double nx = length > 0 ? -(b.y - a.y) / length : 0, ny = length > 0 ? (b.x - a.x) / length : 0;
    std::vector<Pt> line{a};
    for (int i = 1; i < segments; ++i) {
        const double t = static_cast<double>(i) / segments;
        const double offset = amplitude * std::sin(kPi * t)
            * (0.75 * std::sin(kPi * f1 * t + p1) + 0.25 * std::sin(kPi * f2 * t + p2));
        line.push_back({a.x + t * (b.x - a.x) + offset * nx, a.y + t * (b.y - a.y) + offset * ny});
    }
    line.push_back(b);
    return line;
}

/// True when points every 250 m along the segment a-b lie in a commune
/// (any commune when `commune` is null, else that one).
bool segmentInside(const Workspace& ws, Pt a, Pt b, const NewCommune* commune)
{
    const int samples = std::max(2, static_cast<int>(distance(a, b) / 250.0) + 1);
    for (int i = 1; i < samples; ++i) {
        const double t = static_cast<double>(i) / samples;
        const Pt p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        if (commune ? !commune->prepared->covers(p.x, p.y) : ws.communeAt(p) < 0) return false;
    }
    return true;
}

int addNode(Workspace& ws, Pt p, NodeKind kind, int ref)
{
    Node n;
    n.p = p;
    n.kind = kind;
    n.ref = ref;
    ws.nodes.push_back(n);
    return static_cast<int>(ws.nodes.size()) - 1;
}

int addEdge(Workspace& ws, int a, int b, std::string roadClass, double width, Rng& rng)
{
    RoadEdge e;
    e.a = a;
    e.b = b;
    e.roadClass = std::move(roadClass);
    e.widthM = width;
    const Pt pa = ws.nodes[static_cast<std::size_t>(a)].p, pb = ws.nodes[static_cast<std::size_t>(b)].p;
    e.line = windingLine(pa, pb, rng);
    // A bend that would leave the province (or, for village roads, the
    // commune) is straightened.
    const NewCommune* commune = nullptr;
    if (ws.nodes[static_cast<std::size_t>(b)].kind == NodeKind::Village)
        commune = &ws.communes[static_cast<std::size_t>(ws.villages[static_cast<std::size_t>(ws.nodes[static_cast<std::size_t>(b)].ref)].commune)];
    for (const Pt& p : e.line)
        if (commune ? !commune->prepared->covers(p.x, p.y) : ws.communeAt(p) < 0) {
            if (segmentInside(ws, pa, pb, commune)) e.line = {pa, pb};
            break;
        }
    const Pt mid = e.line[e.line.size() / 2];
    e.commune = ws.communeAt(mid);
    ws.edges.push_back(std::move(e));
    return static_cast<int>(ws.edges.size()) - 1;
}

/// The trunk: seats and commune centres.
void buildTrunk(Workspace& ws, const std::vector<int>& seatNodes, const std::vector<int>& centreNodes)
{
    Rng rng(ws.options.seed, "roads:trunk");
    std::vector<int> hubs = seatNodes;
    hubs.insert(hubs.end(), centreNodes.begin(), centreNodes.end());
    struct Candidate {
        double length;
        int a, b;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < hubs.size(); ++i)
        for (std::size_t j = i + 1; j < hubs.size(); ++j)
            candidates.push_back({distance(ws.nodes[static_cast<std::size_t>(hubs[i])].p,
                                           ws.nodes[static_cast<std::size_t>(hubs[j])].p),
                                  hubs[i], hubs[j]});
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& x, const Candidate& y) { return x.length < y.length; });
    auto isSeat = [&](int node) { return ws.nodes[static_cast<std::size_t>(node)].kind == NodeKind::Seat; };

    DisjointSets sets(ws.nodes.size());
    std::set<std::pair<int, int>> linked;
    std::vector<double> longestLink(ws.nodes.size(), 0);
    auto inside = [&](const Candidate& c) {
        return segmentInside(ws, ws.nodes[static_cast<std::size_t>(c.a)].p, ws.nodes[static_cast<std::size_t>(c.b)].p, nullptr);
    };
    // Kruskal, first with links that stay inside the province, then (only if
    // something is still cut off) with any.
    for (const bool mustStayInside : {true, false}) {
        // Seats first: provincial roads.
        for (const Candidate& c : candidates)
            if (isSeat(c.a) && isSeat(c.b) && sets.find(c.a) != sets.find(c.b) && (!mustStayInside || inside(c))) {
                sets.unite(c.a, c.b);
                addEdge(ws, c.a, c.b, "provincial", 9.0, rng);
                linked.insert({c.a, c.b});
            }
        // Then the centres join: district roads to a seat, commune roads between centres.
        for (const Candidate& c : candidates)
            if (!(isSeat(c.a) && isSeat(c.b)) && sets.find(c.a) != sets.find(c.b) && (!mustStayInside || inside(c))) {
                sets.unite(c.a, c.b);
                const bool toSeat = isSeat(c.a) || isSeat(c.b);
                addEdge(ws, c.a, c.b, toSeat ? "district" : "commune", toSeat ? 7.0 : 5.5, rng);
                linked.insert({c.a, c.b});
                longestLink[static_cast<std::size_t>(c.a)] = std::max(longestLink[static_cast<std::size_t>(c.a)], c.length);
                longestLink[static_cast<std::size_t>(c.b)] = std::max(longestLink[static_cast<std::size_t>(c.b)], c.length);
            }
    }
    // A few extra links between neighbouring centres make loops.
    for (const int centre : centreNodes) {
        const Candidate* nearest = nullptr;
        for (const Candidate& c : candidates) {
            if ((c.a != centre && c.b != centre) || linked.count({c.a, c.b}) || isSeat(c.a) || isSeat(c.b)) continue;
            nearest = &c;
            break;
        }
        if (nearest && nearest->length < 1.6 * longestLink[static_cast<std::size_t>(centre)] && rng.chance(0.25)
            && inside(*nearest)) {
            addEdge(ws, nearest->a, nearest->b, "commune", 5.5, rng);
            linked.insert({nearest->a, nearest->b});
        }
    }
}

/// Village roads of one commune: a minimum spanning tree (Prim) rooted at
/// the commune centre.
void buildVillageTree(Workspace& ws, int communeIndex, int centreNode)
{
    const NewCommune& commune = ws.communes[static_cast<std::size_t>(communeIndex)];
    Rng rng(ws.options.seed, "roads:" + commune.code);
    std::vector<int> members{centreNode};
    for (const int v : commune.villages) members.push_back(ws.villages[static_cast<std::size_t>(v)].node);
    const std::size_t n = members.size();
    std::vector<bool> inTree(n, false);
    std::vector<double> best(n, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> from(n, 0);
    best[0] = 0;
    for (std::size_t step = 0; step < n; ++step) {
        std::size_t next = n;
        for (std::size_t i = 0; i < n; ++i)
            if (!inTree[i] && (next == n || best[i] < best[next])) next = i;
        inTree[next] = true;
        if (next != 0) {
            const int parent = members[from[next]];
            const int child = members[next];
            const int e = addEdge(ws, parent, child, "village", 3.5, rng);
            RoadEdge& edge = ws.edges[static_cast<std::size_t>(e)];
            edge.commune = communeIndex;
            const Node& childNode = ws.nodes[static_cast<std::size_t>(child)];
            edge.old = ws.villages[static_cast<std::size_t>(childNode.ref)].old;
            Node& c = ws.nodes[static_cast<std::size_t>(child)];
            c.parent = parent;
            c.parentEdge = e;
            c.depth = ws.nodes[static_cast<std::size_t>(parent)].depth + 1;
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (inTree[i]) continue;
            const Pt a = ws.nodes[static_cast<std::size_t>(members[next])].p, b = ws.nodes[static_cast<std::size_t>(members[i])].p;
            // Links that leave the commune count three times their length.
            const double d = distance(a, b) * (segmentInside(ws, a, b, &commune) ? 1.0 : 3.0);
            if (d < best[i]) {
                best[i] = d;
                from[i] = next;
            }
        }
    }
}

/// The villages on the way from `village` to its commune centre that are
/// not hardened yet, the village itself first.
std::vector<int> unhardenedPath(const Workspace& ws, int village, const std::vector<bool>& hardened)
{
    std::vector<int> path;
    int node = ws.villages[static_cast<std::size_t>(village)].node;
    while (node >= 0 && ws.nodes[static_cast<std::size_t>(node)].kind == NodeKind::Village) {
        const int v = ws.nodes[static_cast<std::size_t>(node)].ref;
        if (hardened[static_cast<std::size_t>(v)]) break;
        path.push_back(v);
        node = ws.nodes[static_cast<std::size_t>(node)].parent;
    }
    return path;
}

void chooseHardened(Workspace& ws)
{
    const std::size_t n = ws.villages.size();
    const int target = static_cast<int>(std::lround(n * ws.scale(Role::VillageRoads)));
    std::vector<bool> hardened(n, false);
    int count = 0;
    auto harden = [&](const std::vector<int>& path) {
        for (const int v : path) hardened[static_cast<std::size_t>(v)] = true;
        count += static_cast<int>(path.size());
    };

    // Old communes whose centre gets a hardened road: the least remote ones.
    Rng rng(ws.options.seed, "roads:hardened");
    std::vector<std::pair<double, int>> communes;
    for (std::size_t o = 0; o < ws.olds.size(); ++o)
        if (!ws.olds[o].villages.empty()) communes.emplace_back(ws.olds[o].remoteness + rng.uniform(0, 0.5), static_cast<int>(o));
    std::stable_sort(communes.begin(), communes.end());
    const auto withCentre = static_cast<std::size_t>(std::lround(communes.size() * ws.scale(Role::CommuneRoads)));
    for (std::size_t k = 0; k < withCentre && k < communes.size(); ++k) {
        const OldCommune& o = ws.olds[static_cast<std::size_t>(communes[k].second)];
        harden(unhardenedPath(ws, o.centreVillage, hardened));
    }

    // Then villages near their centre, in better-off areas, first.
    std::vector<std::pair<double, int>> order;
    for (std::size_t v = 0; v < n; ++v) {
        const Village& village = ws.villages[v];
        const double penalty = village.area == 3 ? 1.5 : village.area == 2 ? 0.7 : 0.0;
        order.emplace_back(0.8 * ws.nodes[static_cast<std::size_t>(village.node)].depth + penalty + 3.0 * rng.uniform(),
                           static_cast<int>(v));
    }
    std::stable_sort(order.begin(), order.end());
    for (bool progress = true; count < target && progress;) {
        progress = false;
        for (const auto& [key, v] : order) {
            if (count >= target) break;
            if (hardened[static_cast<std::size_t>(v)]) continue;
            const std::vector<int> path = unhardenedPath(ws, v, hardened);
            if (count + static_cast<int>(path.size()) > target) continue;
            harden(path);
            progress = true;
        }
    }

    // Village road status, edge surfaces, old commune centres.
    std::vector<bool> hasChild(n, false);
    for (const Node& node : ws.nodes)
        if (node.kind == NodeKind::Village && node.parent >= 0
            && ws.nodes[static_cast<std::size_t>(node.parent)].kind == NodeKind::Village)
            hasChild[static_cast<std::size_t>(ws.nodes[static_cast<std::size_t>(node.parent)].ref)] = true;
    for (std::size_t v = 0; v < n; ++v) {
        Village& village = ws.villages[v];
        const Node& node = ws.nodes[static_cast<std::size_t>(village.node)];
        ws.edges[static_cast<std::size_t>(node.parentEdge)].hardened = hardened[v];
        if (hardened[v]) {
            village.roadStatus = "hardened";
            ++ws.report.villagesHardenedRoad;
        } else if (!hasChild[v] && village.area == 3 && rng.chance(0.25)) {
            village.roadStatus = "none";
            ++ws.report.villagesNoRoad;
        } else {
            village.roadStatus = "unhardened";
            ++ws.report.villagesUnhardenedRoad;
        }
    }
    for (OldCommune& o : ws.olds) {
        o.hardenedCentre = o.centreVillage >= 0 && hardened[static_cast<std::size_t>(o.centreVillage)];
        if (o.hardenedCentre) ++ws.report.oldCommunesHardenedCentre;
    }
}

} // namespace

void buildRoads(Workspace& ws)
{
    ws.announce("building the road network");
    std::vector<int> seatNodes, centreNodes(ws.communes.size(), -1), programCentres;
    for (std::size_t s = 0; s < ws.seats.size(); ++s)
        seatNodes.push_back(addNode(ws, ws.seats[s].p, NodeKind::Seat, static_cast<int>(s)));
    for (const int ci : ws.program) {
        centreNodes[static_cast<std::size_t>(ci)] = addNode(ws, ws.communes[static_cast<std::size_t>(ci)].centre, NodeKind::Centre, ci);
        programCentres.push_back(centreNodes[static_cast<std::size_t>(ci)]);
    }
    for (std::size_t v = 0; v < ws.villages.size(); ++v)
        ws.villages[v].node = addNode(ws, ws.villages[v].p, NodeKind::Village, static_cast<int>(v));

    buildTrunk(ws, seatNodes, programCentres);
    for (const int ci : ws.program) buildVillageTree(ws, ci, centreNodes[static_cast<std::size_t>(ci)]);
    chooseHardened(ws);

    DisjointSets sets(ws.nodes.size());
    for (const RoadEdge& e : ws.edges) sets.unite(e.a, e.b);
    std::set<int> components;
    for (const RoadEdge& e : ws.edges) components.insert(sets.find(e.a));
    ws.report.roadComponents = static_cast<int>(components.size());
    for (std::size_t i = 0; i < ws.edges.size(); ++i) ws.edges[i].number = static_cast<int>(i) + 1;
}

} // namespace planmap::layers::illustrative::detail
