#pragma once
// A plain 2D coordinate, in the order of traditional GIS: x = longitude or
// easting, y = latitude or northing.

namespace planmap::geo {

struct XY {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const XY&, const XY&) = default;
};

} // namespace planmap::geo
