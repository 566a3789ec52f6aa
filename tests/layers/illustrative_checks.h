#pragma once
// Checks shared by the illustrative-generator tests: they read a project
// back through SQL and GEOS, independently of the generator's own code.

#include "store_test_support.h"

#include "planmap/geo/Geodesic.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/PreparedGeometry.h"
#include "planmap/geo/SpatialIndex.h"
#include "planmap/layers/store/Connection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

namespace planmap::layers::testing {

inline const std::vector<std::string>& illustrativeTables()
{
    static const std::vector<std::string> tables{"villages", "roads", "forests", "facilities", "markets", "projects"};
    return tables;
}

inline std::int64_t scalar(Connection& c, const std::string& sql)
{
    auto s = c.prepare(sql);
    return s->step() ? s->columnInt(0) : -1;
}

inline double real(Connection& c, const std::string& sql)
{
    auto s = c.prepare(sql);
    return s->step() && !s->isNull(0) ? s->columnDouble(0) : std::numeric_limits<double>::quiet_NaN();
}

/// Geometries of a table's rows (id → geometry), optionally filtered.
inline std::vector<std::pair<std::int64_t, geo::Geometry>> geometries(Connection& c, const std::string& table,
                                                                      const std::string& where = "1")
{
    std::vector<std::pair<std::int64_t, geo::Geometry>> out;
    auto s = c.prepare("SELECT id, ST_AsBinary(geom) FROM " + table + " WHERE " + where + " AND geom IS NOT NULL ORDER BY id");
    while (s->step()) {
        const Blob wkb = s->columnBlob(1);
        out.emplace_back(s->columnInt(0), geo::Geometry::fromWkb(wkb));
    }
    return out;
}

/// Every row of every table that generated data touches, as text (blobs in hex).
inline std::string dump(ProjectStore& store)
{
    Connection& c = store.connection();
    std::string out;
    std::vector<std::string> queries;
    for (const std::string& t : illustrativeTables()) queries.push_back("SELECT * FROM " + t + " ORDER BY id");
    queries.push_back("SELECT * FROM features ORDER BY id");
    queries.push_back("SELECT * FROM feature_indicator_links ORDER BY feature_id, indicator_id");
    queries.push_back("SELECT * FROM progress_entries ORDER BY id");
    queries.push_back("SELECT name, illustrative_summary FROM layers ORDER BY name");
    for (const std::string& sql : queries) {
        out += "## " + sql + "\n";
        auto s = c.prepare(sql);
        while (s->step()) {
            for (int i = 0; i < s->columnCount(); ++i) {
                const Value v = s->columnValue(i);
                if (const Blob* b = std::get_if<Blob>(&v)) {
                    static const char* hex = "0123456789abcdef";
                    for (const std::uint8_t byte : *b) {
                        out += hex[byte >> 4];
                        out += hex[byte & 15];
                    }
                } else if (const double* d = std::get_if<double>(&v)) {
                    char text[40];
                    std::snprintf(text, sizeof text, "%.17g", *d);
                    out += text;
                } else {
                    out += describe(v);
                }
                out += '|';
            }
            out += '\n';
        }
    }
    return out;
}

/// Every generated feature is flagged, sourced, named "... MH-...", keyed "mh-...".
inline void expectAllIllustrative(ProjectStore& store, const std::string& source)
{
    Connection& c = store.connection();
    std::int64_t total = 0;
    for (const std::string& t : illustrativeTables()) {
        total += scalar(c, "SELECT count(*) FROM " + t);
        EXPECT_EQ(scalar(c, "SELECT count(*) FROM " + t + " WHERE illustrative IS NOT 1"), 0) << t;
        auto s = c.prepare("SELECT count(*) FROM " + t + " WHERE source IS NOT ?");
        s->bindText(1, source);
        ASSERT_TRUE(s->step());
        EXPECT_EQ(s->columnInt(0), 0) << t;
        EXPECT_EQ(scalar(c, "SELECT count(*) FROM " + t + " WHERE name NOT LIKE '%MH-%' OR user_key NOT LIKE 'mh-%'"), 0) << t;
    }
    EXPECT_GT(total, 0);
    EXPECT_EQ(scalar(c, "SELECT count(*) FROM progress_entries WHERE illustrative IS NOT 1"), 0);
}

/// Each village lies inside (or on) the polygon of its 2025 commune.
inline void expectVillagesInsideTheirCommune(ProjectStore& store)
{
    Connection& c = store.connection();
    std::map<std::int64_t, std::unique_ptr<geo::PreparedGeometry>> communes;
    for (auto& [id, g] : geometries(c, "admin_units", "level = 'commune' AND generation = '2025'"))
        communes.emplace(id, std::make_unique<geo::PreparedGeometry>(std::move(g)));
    auto s = c.prepare("SELECT id, commune_id, ST_X(geom), ST_Y(geom) FROM villages ORDER BY id");
    int checked = 0;
    while (s->step()) {
        ASSERT_FALSE(s->isNull(1)) << "village " << s->columnInt(0) << " has no commune";
        const auto it = communes.find(s->columnInt(1));
        ASSERT_NE(it, communes.end());
        EXPECT_TRUE(it->second->covers(s->columnDouble(2), s->columnDouble(3)))
            << "village " << s->columnInt(0) << " lies outside its commune";
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

/// Villages of a commune keep at least `factor` × sqrt(area / n) apart.
inline void expectVillagesSpread(ProjectStore& store, double factor)
{
    Connection& c = store.connection();
    const geo::Geodesic geodesic;
    std::map<std::int64_t, double> areas;
    for (auto& [id, g] : geometries(c, "admin_units", "level = 'commune' AND generation = '2025'")) areas[id] = geodesic.area(g);
    std::map<std::int64_t, std::vector<std::pair<double, double>>> points;
    auto s = c.prepare("SELECT commune_id, ST_X(geom), ST_Y(geom) FROM villages ORDER BY id");
    while (s->step()) points[s->columnInt(0)].emplace_back(s->columnDouble(1), s->columnDouble(2));
    for (const auto& [commune, ps] : points) {
        if (ps.size() < 2) continue;
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < ps.size(); ++i)
            for (std::size_t j = i + 1; j < ps.size(); ++j)
                nearest = std::min(nearest, geodesic.distance(ps[i].first, ps[i].second, ps[j].first, ps[j].second));
        EXPECT_GE(nearest, factor * std::sqrt(areas[commune] / static_cast<double>(ps.size())))
            << "commune " << commune << ": villages " << nearest << " m apart";
    }
}

/// The road lines form one network through shared endpoints, and every
/// village is an endpoint.
inline void expectConnectedRoads(ProjectStore& store)
{
    Connection& c = store.connection();
    std::map<std::pair<double, double>, int> nodes;
    std::vector<int> parent;
    auto node = [&](double x, double y) {
        auto [it, added] = nodes.emplace(std::make_pair(x, y), static_cast<int>(parent.size()));
        if (added) parent.push_back(it->second);
        return it->second;
    };
    auto find = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x) x = parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
        return x;
    };
    for (const auto& [id, g] : geometries(c, "roads")) {
        for (int part = 0; part < g.numGeometries(); ++part) {
            const geo::CoordinateBuffer b = g.geometryN(part).coordinates();
            ASSERT_GE(b.pointCount(), 2u);
            const int a = node(b.xy[0], b.xy[1]);
            const int z = node(b.xy[b.xy.size() - 2], b.xy[b.xy.size() - 1]);
            parent[static_cast<std::size_t>(find(a))] = find(z);
        }
    }
    std::set<int> roots;
    for (std::size_t i = 0; i < parent.size(); ++i) roots.insert(find(static_cast<int>(i)));
    EXPECT_EQ(roots.size(), 1u) << "road network components";
    auto s = c.prepare("SELECT id, ST_X(geom), ST_Y(geom) FROM villages ORDER BY id");
    while (s->step())
        EXPECT_TRUE(nodes.count({s->columnDouble(1), s->columnDouble(2)})) << "village " << s->columnInt(0) << " is off the network";
}

/// The geodesic hectares of the plots linked to each indicator are within
/// `tolerance` of its target.
inline void expectForestTotals(ProjectStore& store, const std::map<std::string, double>& targets, double tolerance)
{
    Connection& c = store.connection();
    const geo::Geodesic geodesic;
    for (const auto& [code, target] : targets) {
        double ha = 0, recorded = 0;
        for (const auto& [id, g] :
             geometries(c, "forests", "id IN (SELECT l.feature_id FROM feature_indicator_links l JOIN plan_nodes n "
                                      "ON n.id = l.indicator_id WHERE n.code = '" + code + "')"))
            ha += geodesic.areaHectares(g);
        recorded = real(c, "SELECT sum(area_ha) FROM forests WHERE id IN (SELECT l.feature_id FROM feature_indicator_links l "
                           "JOIN plan_nodes n ON n.id = l.indicator_id WHERE n.code = '" + code + "')");
        EXPECT_NEAR(ha, target, tolerance * target) << code;
        EXPECT_NEAR(recorded, ha, 0.01 * ha + 1.0) << code << ": area_ha attribute vs geometry";
    }
}

/// No two forest plots share any point (GEOS intersects on every pair whose
/// envelopes meet).
inline void expectNoForestOverlaps(ProjectStore& store)
{
    std::vector<std::pair<std::int64_t, geo::Geometry>> plots = geometries(store.connection(), "forests");
    ASSERT_FALSE(plots.empty());
    geo::SpatialIndex index;
    for (std::size_t i = 0; i < plots.size(); ++i) index.insert(static_cast<std::int64_t>(i), plots[i].second);
    int pairs = 0;
    for (std::size_t i = 0; i < plots.size(); ++i) {
        EXPECT_TRUE(plots[i].second.isValid()) << "forest " << plots[i].first;
        const geo::PreparedGeometry prepared(plots[i].second);
        for (const std::int64_t j : index.query(plots[i].second.envelope())) {
            if (static_cast<std::size_t>(j) <= i) continue;
            ++pairs;
            EXPECT_FALSE(prepared.intersects(plots[static_cast<std::size_t>(j)].second))
                << "forests " << plots[i].first << " and " << plots[static_cast<std::size_t>(j)].first << " overlap";
        }
    }
    EXPECT_GT(pairs, 0) << "no neighbouring plots were compared";
}

} // namespace planmap::layers::testing
