#pragma once

#include <stdexcept>
#include <string>

namespace planmap::layers::style {

/// A style that cannot be built or read (bad JSON, unknown ramp, no values…).
/// The message names the offending key or value.
class StyleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace planmap::layers::style
