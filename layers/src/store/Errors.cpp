#include "planmap/layers/store/Errors.h"

#include <exception>

namespace planmap::layers {

void rethrowWithContext(const std::string& context)
{
    const std::string prefix = context + ": ";
    try {
        throw;
    } catch (const SchemaVersionError& e) {
        throw SchemaVersionError(prefix + e.what(), e.projectVersion(), e.supportedVersion());
    } catch (const ConstraintError& e) {
        throw ConstraintError(prefix + e.what());
    } catch (const NotFoundError& e) {
        throw NotFoundError(prefix + e.what());
    } catch (const InvalidDataError& e) {
        throw InvalidDataError(prefix + e.what());
    } catch (const NotAProjectError& e) {
        throw NotAProjectError(prefix + e.what());
    } catch (const StoreError& e) {
        throw StoreError(prefix + e.what());
    } catch (const std::invalid_argument& e) {
        throw InvalidDataError(prefix + e.what());
    } catch (const std::exception& e) {
        throw StoreError(prefix + e.what());
    }
}

} // namespace planmap::layers
