#include "planmap/layers/io/LayerImport.h"

#include "planmap/layers/importer/ImportEngine.h"
#include "planmap/layers/importer/RowMapper.h"
#include "planmap/layers/io/CrosswalkImport.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

namespace planmap::layers::io {

const std::vector<std::string>& unitImportFields()
{
    static const std::vector<std::string> fields = {
        "code",  "name",     "full_name", "name_en",        "type", "parent", "valid_from", "valid_to",
        "ethnic_minority_area", "dbkk", "atk", "border", "program_source", "source"};
    return fields;
}

std::vector<std::string> importTargetFields(ProjectStore& store, const std::string& layer)
{
    if (findUnitLayer(layer)) return unitImportFields();
    if (!store.features().hasLayer(layer)) {
        std::string names;
        for (const UnitLayer& u : unitLayers()) names += (names.empty() ? "" : ", ") + u.name;
        for (const LayerInfo& l : store.features().layers()) names += ", " + l.name;
        throw ImportError("unknown layer '" + layer + "' (layers: " + names + ", " + std::string(kCrosswalk2025Layer) + ")");
    }
    std::vector<std::string> fields;
    for (const importer::TargetField& t : importer::targetsOf(store.features().layer(layer))) fields.push_back(t.info.name);
    return fields;
}

ImportReport importLayer(ProjectStore& store, const std::filesystem::path& file, const LayerImportOptions& options)
{
    if (options.layer == kCrosswalk2025Layer) return importCrosswalk2025(store, file, options.source);
    (void)importTargetFields(store, options.layer);  // an existing layer only: the engine would create a new one
    if (options.codeList && !findUnitLayer(options.layer)) throw ImportError("a code list applies to unit layers only");

    importer::ImportRequest request;
    request.file = file;
    request.sourceLayer = options.sourceLayer;
    request.layer = options.layer;
    request.crs = options.crs;
    if (options.textEncoding) request.encoding = std::string(geo::encodingName(*options.textEncoding));
    request.fields = options.fields;
    request.keyField = options.keyField;
    request.illustrative = options.illustrative;
    request.codeList = options.codeList;
    request.source = options.source;
    return importer::runImport(store, request).report;
}

} // namespace planmap::layers::io
