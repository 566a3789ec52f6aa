#pragma once

#include <stdexcept>
#include <string>

namespace planmap::layers {

/// Any failure of the project store. The message names the project file, what
/// was being done (layer, row, field where it applies), the database's own
/// message and the SQL statement.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A constraint of the schema rejected a write: NOT NULL, CHECK, UNIQUE,
/// FOREIGN KEY, or a trigger (e.g. the append-only progress log).
class ConstraintError : public StoreError {
public:
    using StoreError::StoreError;
};

/// A row asked for by id does not exist.
class NotFoundError : public StoreError {
public:
    using StoreError::StoreError;
};

/// Data handed to a repository is invalid (unknown field, wrong type, a
/// value outside its code list, a malformed date...). Nothing was written.
class InvalidDataError : public StoreError {
public:
    using StoreError::StoreError;
};

/// The file is not a planmap project.
class NotAProjectError : public StoreError {
public:
    using StoreError::StoreError;
};

/// The project's schema cannot be used by this build: it was written by a
/// newer planmap, or it is older and the project was opened read-only.
class SchemaVersionError : public StoreError {
public:
    SchemaVersionError(const std::string& message, int projectVersion, int supportedVersion)
        : StoreError(message), projectVersion_(projectVersion), supportedVersion_(supportedVersion)
    {
    }
    int projectVersion() const { return projectVersion_; }
    int supportedVersion() const { return supportedVersion_; }

private:
    int projectVersion_;
    int supportedVersion_;
};

/// Rethrows the exception being handled (which must be a StoreError or a
/// std::exception) with `context + ": "` in front of its message, keeping its
/// StoreError subclass. Call only inside a catch block.
[[noreturn]] void rethrowWithContext(const std::string& context);

} // namespace planmap::layers
