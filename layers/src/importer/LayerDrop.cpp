#include "LayerDrop.h"

#include "planmap/layers/io/ImportError.h"

namespace planmap::layers::importer::detail {

namespace {

/// Runs a SpatiaLite function that reports failure by returning 0.
void spatialCall(Connection& connection, const std::string& sql, const std::string& table, const char* what)
{
    auto s = connection.prepare(sql);
    s->bindText(1, table);
    s->bindText(2, "geom");
    if (!s->step() || s->columnInt(0) != 1)
        throw io::ImportError("cannot drop layer " + table + ": SpatiaLite could not " + what);
}

} // namespace

void dropLayer(Connection& connection, const LayerInfo& layer)
{
    if (layer.builtin) throw io::ImportError("layer " + layer.name + " is built in and cannot be dropped");
    const std::string table = layer.table;
    {
        auto s = connection.prepare("SELECT COUNT(*) FROM features WHERE layer_name = ?");
        s->bindText(1, layer.name);
        if (s->step() && s->columnInt(0) > 0)
            throw io::ImportError("layer " + layer.name + " still has features and cannot be dropped");
    }
    if (connection.backendName() != "sqlite")
        throw io::ImportError("dropping a layer is not supported on the " + connection.backendName() + " backend");
    Transaction transaction(connection);
    spatialCall(connection, "SELECT DisableSpatialIndex(?, ?)", table, "disable the spatial index");
    connection.execute("DROP TABLE IF EXISTS " + quoteIdentifier("idx_" + table + "_geom"));
    spatialCall(connection, "SELECT DiscardGeometryColumn(?, ?)", table, "discard the geometry column");
    connection.execute("DROP TABLE " + quoteIdentifier(table));
    auto s = connection.prepare("DELETE FROM layers WHERE name = ?");
    s->bindText(1, layer.name);
    s->run();
    transaction.commit();
}

} // namespace planmap::layers::importer::detail
