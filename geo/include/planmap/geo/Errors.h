#pragma once
// The exceptions the geospatial core throws. Every message is meant to be shown
// to a user as is: it names the file, row and field where they apply.

#include <stdexcept>
#include <string>

namespace planmap::geo {

/// Base of every error raised by planmap::geo.
class GeoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A coordinate reference system could not be created or queried.
class CrsError : public GeoError {
public:
    using GeoError::GeoError;
};

/// A coordinate operation could not be created or a coordinate could not be transformed.
class TransformError : public GeoError {
public:
    using GeoError::GeoError;
};

/// A geometry could not be parsed, built or computed (GEOS reported an error).
class GeometryError : public GeoError {
public:
    using GeoError::GeoError;
};

/// Reading or writing a vector file failed. The message names the file and,
/// where it applies, the layer, the 1-based row and the field.
class IoError : public GeoError {
public:
    using GeoError::GeoError;
};

} // namespace planmap::geo
