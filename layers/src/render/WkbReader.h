#pragma once
// A minimal, strict WKB reader that appends coordinates straight into the
// flat arrays of a LayerCache (no intermediate geometry objects): parsing the
// national-scale layers this way is several times faster than going through
// GEOS, and the cache needs nothing but coordinates.

#include "planmap/layers/style/GeometryKind.h"

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

namespace planmap::layers::render::detail {

class WkbError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Output of the reader: rings (polygon rings, line parts, single points)
/// as point counts, coordinates interleaved. Z and M are dropped.
struct FlatGeometry {
    std::vector<double> xy;
    std::vector<std::uint32_t> ringSizes;
    void clear() { xy.clear(); ringSizes.clear(); }
};

/// Reads `wkb` (ISO or EWKB, any byte order, Z/M/ZM) and appends its parts
/// of dimension `want` to `out`. If `want` is empty it is set to the kind of
/// the first non-empty part. Returns false if the geometry holds nothing of
/// that kind (empty, or another dimension). Throws WkbError on malformed input.
bool readWkb(std::span<const std::uint8_t> wkb, std::optional<GeometryKind>& want, FlatGeometry& out);

} // namespace planmap::layers::render::detail
