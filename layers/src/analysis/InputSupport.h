#pragma once
// Helpers of the analysis loaders: typed attribute access, feature labels,
// geometry decoding with messages that name the feature, and point-in-unit
// lookup.

#include "planmap/layers/analysis/AnalysisRun.h"
#include "planmap/layers/store/ProjectStore.h"

#include "planmap/geo/Errors.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/PreparedGeometry.h"
#include "planmap/geo/SpatialIndex.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::layers::analysis::detail {

inline std::optional<std::int64_t> valueInt(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) {
        if (std::isfinite(*d)) return static_cast<std::int64_t>(std::llround(*d));
    }
    return std::nullopt;
}

inline std::optional<double> valueReal(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    return std::nullopt;
}

inline const Value* attribute(const Feature& f, std::string_view field) {
    const auto it = f.attributes.find(field);
    return it == f.attributes.end() ? nullptr : &it->second;
}

inline std::optional<std::int64_t> attributeInt(const Feature& f, std::string_view field) {
    const Value* v = attribute(f, field);
    return v ? valueInt(*v) : std::nullopt;
}

inline std::optional<double> attributeReal(const Feature& f, std::string_view field) {
    const Value* v = attribute(f, field);
    return v ? valueReal(*v) : std::nullopt;
}

inline std::optional<std::string> attributeText(const Feature& f, std::string_view field) {
    const Value* v = attribute(f, field);
    if (!v) return std::nullopt;
    if (const auto* s = std::get_if<std::string>(v)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(v)) return std::to_string(*i);
    return std::nullopt;
}

/// Follows a loader's reading for its RunControl: cancellation is checked at
/// every feature, progress (stage kReadStage) reported at most every 40 ms
/// and when done.
class ReadProgress {
public:
    ReadProgress(const RunControl& control, std::size_t total) : control_(control), total_(total) {
        control_.checkCancelled();
        control_.report(kReadStage, 0, total_);
    }
    /// One more feature read; throws AnalysisCancelled when cancelled.
    void step() {
        control_.checkCancelled();
        ++done_;
        if (done_ % 64 != 0) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(40)) return;
        last_ = now;
        control_.report(kReadStage, std::min(done_, total_), total_);
    }
    void finish() {
        control_.checkCancelled();
        control_.report(kReadStage, total_, total_);
    }

private:
    const RunControl& control_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

/// The feature's name, else its key, else "#id".
inline std::string featureLabel(const Feature& f) {
    if (f.name && !f.name->empty()) return *f.name;
    if (f.userKey && !f.userKey->empty()) return *f.userKey;
    return "#" + std::to_string(f.id);
}

/// The feature's geometry (nullopt when it has none). Throws AnalysisError
/// naming the layer and feature when the WKB cannot be decoded.
inline std::optional<geo::Geometry> readGeometry(const Feature& f) {
    if (f.geometry.empty()) return std::nullopt;
    try {
        geo::Geometry g = geo::Geometry::fromWkb(f.geometry);
        if (g.isEmpty()) return std::nullopt;
        return g;
    } catch (const geo::GeoError& e) {
        throw AnalysisError("Layer '" + f.layer + "', feature " + std::to_string(f.id) + " (" + featureLabel(f) +
                            "), field 'geom': " + e.what());
    }
}

/// Finds the unit (of one level and generation) a point lies in. Where units
/// overlap, the one with the lowest (code, id) wins, so a point on a sliver
/// always gets the same unit.
class UnitLocator {
public:
    UnitLocator(ProjectStore& store, UnitLevel level, const std::string& generation) {
        std::vector<AdminUnit> list = store.units().list(level, generation, std::nullopt, true);
        std::sort(list.begin(), list.end(), [](const AdminUnit& a, const AdminUnit& b) {
            const std::string ca = a.code.value_or(""), cb = b.code.value_or("");
            return ca != cb ? ca < cb : a.id < b.id;
        });
        for (AdminUnit& u : list) {
            if (u.geometry.empty()) continue;
            geo::Geometry g = geo::Geometry::fromWkb(u.geometry);
            if (g.isEmpty()) continue;
            index_.insert(static_cast<std::int64_t>(units_.size()), g.envelope());
            ids_.push_back(u.id);
            units_.push_back(std::make_unique<geo::PreparedGeometry>(std::move(g)));
        }
    }

    std::optional<std::int64_t> locate(double lon, double lat) const {
        std::vector<std::int64_t> hits = index_.query(geo::Envelope(lon, lat, lon, lat));
        std::sort(hits.begin(), hits.end());
        for (const std::int64_t i : hits)
            if (units_[std::size_t(i)]->covers(lon, lat)) return ids_[std::size_t(i)];
        return std::nullopt;
    }

private:
    std::vector<std::unique_ptr<geo::PreparedGeometry>> units_;
    std::vector<std::int64_t> ids_;
    geo::SpatialIndex index_;
};

} // namespace planmap::layers::analysis::detail
