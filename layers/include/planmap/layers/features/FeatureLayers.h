#pragma once

#include "planmap/layers/store/Spatial.h"
#include "planmap/layers/store/Value.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// Feature layers: the built-in ones (villages, forests, markets, projects,
/// roads, facilities) and layers registered later (e.g. by the import engine).
///
/// Every feature has the common columns of struct Feature plus its layer's
/// typed attribute columns (LayerInfo::fields), passed as an AttributeMap by
/// field name. Feature ids are unique across all layers. Geometry goes in and
/// out as WKB in EPSG:4326 (lon/lat); layers of a Multi* type promote single
/// geometries.

namespace planmap::layers {

class Connection;

/// Names of the built-in layers (also their table names).
namespace builtin_layers {
inline constexpr std::string_view kVillages = "villages";
inline constexpr std::string_view kForests = "forests";
inline constexpr std::string_view kMarkets = "markets";
inline constexpr std::string_view kProjects = "projects";
inline constexpr std::string_view kRoads = "roads";
inline constexpr std::string_view kFacilities = "facilities";
} // namespace builtin_layers

/// Typed attribute values by field name. Integer fields take int64 (or an
/// integral double), real fields int64 or double, text fields strings, date
/// fields ISO 'YYYY-MM-DD' strings, boolean fields 0/1. A coded field only
/// takes one of its codes (FieldInfo::values). std::monostate = NULL.
using AttributeMap = std::map<std::string, Value, std::less<>>;

/// One code of a coded field, with its labels.
struct FieldValue {
    std::string value;          ///< the stored code, e.g. "protection" or "2"
    std::string labelVi;        ///< "Rừng phòng hộ"
    std::optional<std::string> labelEn;

    bool operator==(const FieldValue&) const = default;
};

struct FieldInfo {
    std::string name;
    FieldType type = FieldType::Text;
    std::string titleVi;
    std::optional<std::string> titleEn;
    std::vector<FieldValue> values; ///< empty = not a coded field

    /// The label of a code, if the field is coded and knows it.
    const FieldValue* findValue(std::string_view code) const;

    bool operator==(const FieldInfo&) const = default;
};

struct LayerInfo {
    std::string name;
    std::string titleVi;
    std::optional<std::string> titleEn;
    GeometryType geometryType = GeometryType::Any;
    std::string table;
    bool builtin = false;
    int ordinal = 0;
    std::optional<std::string> description;
    std::optional<std::string> source;
    /// Says which part of the layer is illustrative (invented) and why; nullopt when none is.
    std::optional<std::string> illustrativeSummary;
    std::vector<FieldInfo> fields;

    const FieldInfo* field(std::string_view fieldName) const;

    bool operator==(const LayerInfo&) const = default;
};

/// A layer to create (LayerInfo without the store-assigned parts).
struct LayerDefinition {
    std::string name;           ///< [a-z][a-z0-9_]*, also the table name; must not clash with a table
    std::string titleVi;
    std::optional<std::string> titleEn;
    GeometryType geometryType = GeometryType::Any;
    std::vector<FieldInfo> fields; ///< names [a-z][a-z0-9_]*, not a common column name
    std::optional<std::string> description;
    std::optional<std::string> source;
    std::optional<std::string> illustrativeSummary;
    int ordinal = 100;
};

struct Feature {
    std::int64_t id = 0;                  ///< set by the store; unique across layers
    std::string layer;                    ///< layer name
    std::optional<std::string> userKey;   ///< the key of the source, unique in the layer (re-import upserts)
    std::optional<std::string> name;
    std::optional<std::int64_t> communeId;    ///< commune of the current generation (admin_units.id)
    std::optional<std::int64_t> communeOldId; ///< commune of the previous generation
    bool illustrative = false;            ///< invented for demonstration
    std::optional<std::string> source;
    std::optional<std::int64_t> importBatchId;
    Wkb geometry;                         ///< empty = no geometry
    AttributeMap attributes;
};

/// What to read from a layer. The window selects features whose bounding
/// box intersects it, through the spatial index (not an exact intersection
/// test: the renderer clips).
struct FeatureQuery {
    std::string layer;
    std::optional<BoundingBox> window;
    std::optional<std::int64_t> communeId;
    std::optional<std::int64_t> communeOldId;
    std::optional<bool> illustrative;     ///< only (non-)illustrative features
    bool withGeometry = true;
    bool withAttributes = true;
    /// With withAttributes: read only these fields (e.g. what a style and its
    /// labels use); empty = every field. Unknown names throw NotFoundError.
    std::vector<std::string> fields;
};

struct FeatureMatch {
    std::string layer;
    std::int64_t id = 0;
    std::optional<std::string> name;
};

struct UpsertResult {
    std::int64_t id = 0;
    bool inserted = false;                ///< false: an existing feature with the key was updated
};

/// Repository of feature layers. Every write runs in a transaction (a
/// savepoint inside the caller's one); a failing batch writes nothing.
class FeatureLayers {
public:
    explicit FeatureLayers(Connection& connection);

    /// Registered layers, ordered by ordinal then name. The registry is
    /// cached and read again when another connection to the project (e.g.
    /// an import on a worker thread) has committed a change to it: every
    /// method answers from the registry as last committed. References into
    /// the registry (to the vector, its layers and their fields) stay valid
    /// until this object's createLayer(), setIllustrativeSummary() or
    /// reload(); after a change committed elsewhere they still point into
    /// the registry as it was before.
    const std::vector<LayerInfo>& layers();
    /// Throws NotFoundError for an unknown layer.
    const LayerInfo& layer(std::string_view name);
    bool hasLayer(std::string_view name);
    /// Creates and registers a layer: its table with the common columns,
    /// the fields, the geometry column and its spatial index.
    void createLayer(const LayerDefinition& definition);
    void setIllustrativeSummary(std::string_view layer, const std::optional<std::string>& summary);
    /// Forgets the cached registry; the next call reads it again. Needed only
    /// after this connection changed the registry other than through
    /// createLayer() and setIllustrativeSummary() (e.g. dropped a layer), or
    /// after a caller's transaction that created a layer was rolled back;
    /// changes committed by other connections are noticed by themselves.
    void reload() { invalidate(); }

    /// Inserts a feature into feature.layer; returns its id.
    std::int64_t insert(const Feature& feature);
    /// Inserts features (of any layers) in one transaction with prepared
    /// statements reused; returns their ids. Errors name the row (1-based).
    std::vector<std::int64_t> insertMany(std::span<const Feature> features);
    /// Updates feature.id: common columns and geometry are replaced; only
    /// the attributes present in the map are changed (give NULL to clear one).
    void update(const Feature& feature);
    /// Updates the feature of the layer with feature.userKey (required) like
    /// update(), or inserts it.
    UpsertResult upsertByKey(const Feature& feature);
    std::vector<UpsertResult> upsertManyByKey(std::span<const Feature> features);
    /// Deletes a feature and its indicator links. Throws ConstraintError when
    /// progress entries or disbursements refer to it.
    void remove(std::int64_t featureId);

    std::optional<Feature> get(std::int64_t featureId);
    std::optional<Feature> findByKey(std::string_view layer, std::string_view userKey);
    /// The layer of a feature id.
    std::optional<std::string> layerOf(std::int64_t featureId);

    /// Calls `visit` for each feature matching the query, in id order, until it returns false.
    void forEach(const FeatureQuery& query, const std::function<bool(const Feature&)>& visit);
    std::vector<Feature> list(const FeatureQuery& query);
    std::int64_t count(std::string_view layer, const std::optional<BoundingBox>& window = std::nullopt);
    std::int64_t countIllustrative(std::string_view layer);
    /// Bounding box of the layer's geometries; nullopt if it has none.
    std::optional<BoundingBox> extent(std::string_view layer);

    /// Features of all layers whose name's search key contains searchKey(text):
    /// exact matches first, then prefixes, then shorter names.
    std::vector<FeatureMatch> search(std::string_view text, std::size_t limit = 50);

private:
    using Registry = std::vector<LayerInfo>;

    const LayerInfo& layerOrThrow(std::string_view name);
    void invalidate();
    Registry readRegistry();
    std::int64_t insertOne(const Feature& feature);
    void updateOne(const Feature& feature, bool mustExist);
    UpsertResult upsertOne(const Feature& feature);
    std::optional<std::int64_t> idForKey(const LayerInfo& layer, std::string_view userKey);

    Connection& connection_;
    std::unique_ptr<const Registry> layers_;
    /// connection_.dataVersion() when layers_ was last found current.
    std::int64_t layersVersion_ = 0;
    /// Registries replaced after another connection's commit, kept until
    /// invalidate() so that references into them stay valid.
    std::vector<std::unique_ptr<const Registry>> superseded_;
};

} // namespace planmap::layers
