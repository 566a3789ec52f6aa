#pragma once
// Dropping a reference layer that an import created (private to
// planmap_layers; used by undo). The store has no public "drop layer": the
// import engine is the only one that removes layers, and only those it
// created and that are empty again.

#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/store/Connection.h"

namespace planmap::layers::importer::detail {

/// Drops an empty, non-built-in layer: its spatial index, geometry column,
/// table and registry rows (its fields and coded values go with it). Runs
/// inside the caller's transaction; call FeatureLayers::reload() afterwards.
/// Throws io::ImportError for a built-in or non-empty layer.
void dropLayer(Connection& connection, const LayerInfo& layer);

} // namespace planmap::layers::importer::detail
