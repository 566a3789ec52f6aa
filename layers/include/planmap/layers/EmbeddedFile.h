#pragma once

#include <string>
#include <vector>

namespace planmap {

/// A file compiled into the library (see cmake/EmbedFiles.cmake).
struct EmbeddedFile {
    std::string name;     ///< base name, e.g. "0001_initial.sql"
    std::string content;  ///< the file's bytes
};

namespace layers::embedded {
/// The schema migrations of layers/sql/, sorted by name.
const std::vector<EmbeddedFile>& migrations();
} // namespace layers::embedded

} // namespace planmap
