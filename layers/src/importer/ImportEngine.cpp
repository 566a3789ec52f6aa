#include "planmap/layers/importer/ImportEngine.h"

#include "ImportJournal.h"
#include "LayerDrop.h"
#include "io/GeometrySupport.h"
#include "io/SourceTable.h"
#include "io/UnitImport.h"
#include "io/UnitLocator.h"
#include "planmap/geo/GeometryValidity.h"
#include "planmap/geo/Transform.h"
#include "planmap/layers/importer/SavedMappings.h"
#include "planmap/layers/io/CrosswalkImport.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"
#include "planmap/layers/text/SearchKey.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

namespace planmap::layers::importer {

namespace {

using io::ImportError;
using io::ProblemList;

constexpr std::size_t kWriteChunk = 500;
constexpr std::size_t kProgressEvery = 256;

std::string lowerAscii(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isAuto(const std::optional<std::string>& s) { return s && lowerAscii(*s) == "auto"; }

// --- progress and cancellation ------------------------------------------------------

class ProgressSink {
public:
    explicit ProgressSink(const ImportRequest& r) : request_(r) {}

    void check() const
    {
        if (request_.cancel && request_.cancel->load())
            throw ImportCancelled("the import of " + request_.file.string() + " was cancelled; nothing was written");
    }
    void report(ImportProgress::Stage stage, std::int64_t done, std::int64_t total) const
    {
        check();
        if (request_.progress) request_.progress(ImportProgress{stage, done, total});
    }

private:
    const ImportRequest& request_;
};

// --- the request, with a saved mapping applied ----------------------------------------

ImportRequest effectiveRequest(ProjectStore& store, const ImportRequest& request)
{
    ImportRequest r = request;
    if (!request.mappingName) return r;
    const SavedMapping saved = SavedMappings(store.connection()).get(*request.mappingName);
    io::FieldMapping fields = saved.fields;
    for (const auto& [target, source] : request.fields.pairs()) fields.set(target, source);
    r.fields = fields;
    if (!r.keyField) r.keyField = saved.keyField;
    if (!r.xColumn) r.xColumn = saved.xColumn;
    if (!r.yColumn) r.yColumn = saved.yColumn;
    if (!r.unitColumn) r.unitColumn = saved.unitColumn;
    if (!request.unitColumn && saved.unitGeneration) r.unitGeneration = *saved.unitGeneration;
    if (!r.encoding) r.encoding = saved.encoding;
    if (!r.crs) r.crs = saved.crs;
    return r;
}

SourceData readSource(const ImportRequest& r, const ProgressSink& progress)
{
    SourceOptions options;
    options.layerName = r.sourceLayer;
    options.encoding = r.encoding;
    options.xColumn = r.xColumn;
    options.yColumn = r.yColumn;
    if (r.xColumn.has_value() != r.yColumn.has_value())
        throw ImportError("give both --x-column and --y-column (or neither)");
    options.onRow = [&](std::int64_t done, std::int64_t total) {
        progress.report(ImportProgress::Stage::Reading, done, total);
    };
    SourceData source = SourceData::read(r.file, options);
    if (source.rows().empty())
        throw ImportError(r.file.string() + ": the layer \"" + source.layerName() + "\" has no rows");
    return source;
}

// --- coordinates ------------------------------------------------------------------------

std::string candidateList(const CrsDetection& d, std::size_t limit)
{
    std::string text;
    std::size_t shown = 0;
    for (const CrsCandidate& c : d.candidates) {
        if (shown == limit) break;
        if (c.inside == 0 && shown >= 3) break;
        text += "\n  " + c.describe();
        ++shown;
    }
    return text;
}

CrsResolution resolveCrs(ProjectStore& store, const SourceData& source, const ImportRequest& r)
{
    CrsResolution res;
    if (!source.hasGeometry()) return res;
    const std::string file = r.file.string();
    std::vector<const geo::Geometry*> geometries;
    for (const geo::Feature& f : source.rows()) geometries.push_back(f.geometry ? &*f.geometry : nullptr);
    const std::vector<geo::XY> samples = samplePoints(geometries);
    const std::optional<ReferenceArea> area = projectReferenceArea(store);

    if (r.crs && !isAuto(r.crs)) {
        try {
            res.crs = geo::Crs::fromUserInput(*r.crs);
        } catch (const std::exception& e) {
            throw ImportError("the CRS given for " + file + " is not usable: " + e.what());
        }
        res.basis = CrsResolution::Basis::Given;
    } else if (!isAuto(r.crs) && source.declaredCrs()) {
        res.crs = source.declaredCrs();
        res.basis = CrsResolution::Basis::File;
    }
    if (res.crs) {
        // Check the CRS against the project's area: a wrong .prj or --crs shows here.
        if (area) {
            const CrsCandidate fit = testCrs(samples, *area, *res.crs);
            if (fit.share() < kCrsFitShare)
                res.warnings.push_back("with " + res.crs->label() + " only " + fit.describe().substr(res.crs->label().size() + 2)
                                       + " of the data lies inside " + area->description
                                       + "; is the CRS right? (--crs auto detects it)");
        }
        return res;
    }
    if (!area)
        throw ImportError(file + ": the file does not say the CRS of its coordinates, and the project has no province "
                                 "outline or units to detect it against; give it with --crs (e.g. --crs EPSG:9215)");
    CrsDetection detection = detectCrs(samples, *area);
    if (!detection.chosen) {
        std::string message = file + ": " + (source.declaredCrs() ? std::string("the CRS was asked to be detected")
                                                                  : std::string("the file does not say the CRS of its coordinates"))
            + " and it cannot be detected: " + detection.explanation + ". Candidates, best first:"
            + candidateList(detection, 8) + "\nGive it with --crs";
        if (!detection.candidates.empty() && detection.candidates.front().inside > 0)
            message += " (e.g. --crs " + detection.candidates.front().crs.authorityId().value_or("EPSG:9215") + ")";
        throw CrsUndetermined(message, std::move(detection));
    }
    res.crs = detection.choice()->crs;
    res.basis = CrsResolution::Basis::Detected;
    res.detection = std::move(detection);
    return res;
}

/// A stored value as the preview shows it.
std::string displayValue(const Value& v)
{
    if (isNull(v)) return {};
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) return geo::toString(geo::FieldValue{*d});
    return describe(v);
}

// --- the target ---------------------------------------------------------------------------

struct Target {
    std::string name;
    bool isNew = false;
    std::optional<LayerDefinition> definition;  ///< new layers
    GeometryType geometryType = GeometryType::Any;
    std::vector<TargetField> targets;
    io::FieldMapping mapping;                   ///< explicit bindings (new layers: field = column)
    bool hasApproximateField = false;
    std::vector<std::string> blankKmlColumns;   ///< new layers: KML's presentation columns left out
};

GeometryType inferGeometryType(const SourceData& source, bool unitPlaced)
{
    bool points = false, multiPoints = false, lines = false, polygons = false, other = false;
    for (const geo::Feature& f : source.rows()) {
        if (!f.geometry || f.geometry->isEmpty()) continue;
        switch (f.geometry->type()) {
        case geo::GeometryType::Point: points = true; break;
        case geo::GeometryType::MultiPoint: multiPoints = true; break;
        case geo::GeometryType::LineString:
        case geo::GeometryType::LinearRing:
        case geo::GeometryType::MultiLineString: lines = true; break;
        case geo::GeometryType::Polygon:
        case geo::GeometryType::MultiPolygon: polygons = true; break;
        default: other = true; break;
        }
    }
    if (unitPlaced) points = true;
    const int kinds = (points || multiPoints) + lines + polygons;
    if (other || kinds != 1) return GeometryType::Any;
    if (polygons) return GeometryType::MultiPolygon;
    if (lines) return GeometryType::MultiLineString;
    return multiPoints ? GeometryType::MultiPoint : GeometryType::Point;
}

std::string cleanTitle(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// Whether column `i` is one of the columns GDAL gives every KML placemark
/// for KML's own presentation (time span, altitude mode, tessellation, ...)
/// and no row says more in it than KML's default (nothing, or GDAL's -1 or 0).
bool isBlankKmlColumn(const SourceData& source, std::size_t i)
{
    static const std::set<std::string> presentation{"description", "timestamp", "begin",      "end",
                                                    "altitudemode", "tessellate", "extrude",   "visibility",
                                                    "draworder",   "icon",       "snippet"};
    if (source.driver() != "LIBKML" && source.driver() != "KML") return false;
    std::string name = source.fields()[i].name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!presentation.count(name)) return false;
    return std::all_of(source.rows().begin(), source.rows().end(), [i](const geo::Feature& f) {
        if (i >= f.values.size()) return true;
        const geo::FieldValue& v = f.values[i];
        const auto* text = std::get_if<std::string>(&v);
        const auto* number = std::get_if<std::int64_t>(&v);
        return std::holds_alternative<std::monostate>(v) || (text && text->empty()) || (number && (*number == -1 || *number == 0));
    });
}

/// The column holding the features' names: one called name or "Tên", else
/// the first whose name starts with the word "Tên" ("Tên thôn", "TEN_LO",
/// "ten xa"); -1 if none.
int nameColumn(const SourceData& source)
{
    for (const char* candidate : {"name", "ten"})
        if (const int c = source.column(candidate); c >= 0) return c;
    for (std::size_t i = 0; i < source.fields().size(); ++i) {
        const std::string key = searchKey(source.fields()[i].name);
        if (key.size() > 4 && key.rfind("ten", 0) == 0 && (key[3] == ' ' || key[3] == '_')) return static_cast<int>(i);
    }
    return -1;
}

Target newLayerTarget(const SourceData& source, const ImportRequest& r)
{
    if (!isSafeIdentifier(r.layer))
        throw ImportError("'" + r.layer + "' is neither a layer of the project nor a usable name for a new layer "
                          "(lower-case letters, digits and _, starting with a letter, at most 63 characters)");
    Target t;
    t.name = r.layer;
    t.isNew = true;
    LayerDefinition d;
    d.name = r.layer;
    d.titleVi = r.title ? cleanTitle(*r.title) : r.file.stem().string();
    if (d.titleVi.empty()) d.titleVi = r.layer;
    d.source = r.source.value_or(r.file.filename().string());
    d.description = "Lớp tham chiếu nhập từ " + r.file.filename().string();
    if (r.illustrative)
        d.illustrativeSummary = "Mọi đối tượng của lớp này là dữ liệu minh họa, không phải số liệu thật.";
    d.geometryType = inferGeometryType(source, r.unitColumn.has_value());
    std::set<std::string> taken;
    for (std::size_t i = 0; i < source.fields().size(); ++i) {
        const geo::FieldDefinition& column = source.fields()[i];
        if (isBlankKmlColumn(source, i)) {
            t.blankKmlColumns.push_back(column.name);
            continue;
        }
        FieldInfo field;
        field.name = fieldNameFor(column.name, taken);
        taken.insert(field.name);
        std::vector<const geo::FieldValue*> values;
        values.reserve(source.rows().size());
        for (const geo::Feature& f : source.rows()) values.push_back(&f.values[i]);
        field.type = inferFieldType(column.type, values);
        field.titleVi = cleanTitle(column.name).empty() ? field.name : cleanTitle(column.name);
        d.fields.push_back(field);
        t.mapping.set(field.name, column.name);
    }
    if (r.unitColumn && !taken.count("approximate_location")) {
        FieldInfo approximate;
        approximate.name = "approximate_location";
        approximate.type = FieldType::Boolean;
        approximate.titleVi = "Vị trí gần đúng";
        approximate.titleEn = "Approximate location";
        d.fields.push_back(approximate);
    }
    // The common name (what labels, identify and search show) unless mapped.
    if (!r.fields.sourceFor("name"))
        if (const int c = nameColumn(source); c >= 0) t.mapping.set("name", source.fields()[static_cast<std::size_t>(c)].name);
    t.geometryType = d.geometryType;
    t.targets = commonTargets();
    for (const FieldInfo& f : d.fields) t.targets.push_back({f, false});
    t.hasApproximateField = true;
    t.definition = std::move(d);
    return t;
}

Target resolveTarget(ProjectStore& store, const SourceData& source, const ImportRequest& r)
{
    if (store.features().hasLayer(r.layer)) {
        const LayerInfo& layer = store.features().layer(r.layer);
        Target t;
        t.name = layer.name;
        t.geometryType = layer.geometryType;
        t.targets = targetsOf(layer);
        const FieldInfo* approximate = layer.field("approximate_location");
        t.hasApproximateField = approximate && approximate->type == FieldType::Boolean;
        if (r.unitColumn && !t.hasApproximateField)
            throw ImportError("layer " + layer.name + " has no approximate_location field to flag rows placed at "
                              "their unit's point on surface; give the rows coordinates, or import them into a new "
                              "reference layer (--layer NEW_NAME)");
        if (r.title) throw ImportError("--title applies to a new layer only; " + layer.name + " exists");
        return t;
    }
    return newLayerTarget(source, r);
}

/// Whether column `c` (-1: none) holds nothing but empty text and nulls.
bool emptyInEveryRow(const SourceData& source, int c)
{
    if (c < 0) return false;
    return std::all_of(source.rows().begin(), source.rows().end(), [c](const geo::Feature& f) {
        if (static_cast<std::size_t>(c) >= f.values.size()) return true;
        const geo::FieldValue& v = f.values[static_cast<std::size_t>(c)];
        const auto* text = std::get_if<std::string>(&v);
        return std::holds_alternative<std::monostate>(v) || (text && text->find_first_not_of(" \t") == std::string::npos);
    });
}

RowMapper makeMapper(const SourceData& source, const Target& target, const ImportRequest& r)
{
    io::FieldMapping mapping = target.mapping;
    for (const auto& [t, s] : r.fields.pairs()) mapping.set(t, s);
    if (r.keyField) {
        if (auto mapped = r.fields.sourceFor("user_key"); mapped && *mapped != *r.keyField)
            throw ImportError("--key " + *r.keyField + " and --field-map user_key=" + *mapped + " disagree");
        mapping.set("user_key", *r.keyField);
    }
    std::vector<std::string> columns;
    for (const auto& f : source.fields()) columns.push_back(f.name);
    try {
        RowMapper mapper(std::move(columns), target.targets, mapping);
        // A column found by its name only (e.g. the user_key of planmap's own
        // export of a layer without keys) that is empty in every row is no key.
        if (!mapping.sourceFor("user_key") && emptyInEveryRow(source, mapper.columnOf("user_key")))
            mapper.unbind("user_key");
        return mapper;
    } catch (const ImportError& e) {
        throw ImportError(r.file.string() + ": " + e.what());
    }
}

// --- checking rows --------------------------------------------------------------------------

/// Places rows by a unit code: the unit's point on surface.
class UnitPlacer {
public:
    UnitPlacer(AdminUnits& units, std::string generation) : units_(units), generation_(std::move(generation)) {}

    struct Place {
        geo::Geometry point;
        std::optional<std::int64_t> communeId;     ///< 2025 commune
        std::optional<std::int64_t> communeOldId;  ///< pre-2025 commune
    };
    /// nullopt and `error` set (kind, value, count, generation and the
    /// English text without the place) when the code cannot place the row.
    std::optional<Place> place(const std::string& code, ImportMessage& error)
    {
        if (auto it = cache_.find(code); it != cache_.end()) {
            error = it->second.second;
            return it->second.first;
        }
        auto result = lookUp(code, error);
        cache_.emplace(code, std::make_pair(result, error));
        return result;
    }

private:
    std::optional<Place> lookUp(const std::string& code, ImportMessage& error)
    {
        error.value = code;
        error.severity = Severity::Problem;
        const auto unit = units_.findByCodeInGeneration(code, UnitLevel::Commune, generation_, true);
        if (!unit) {
            error.kind = MessageKind::UnknownCommune;
            error.generation = generation_ == kGeneration2025 ? "2025" : "pre-2025";
            error.text = "no commune with code " + code + " in the " + io::generationLabel(generation_) + " generation";
            return std::nullopt;
        }
        Place p{geo::Geometry::empty(geo::GeometryType::Point), std::nullopt, std::nullopt};
        if (generation_ == kGeneration2025) p.communeId = unit->id;
        else p.communeOldId = unit->id;
        if (!unit->geometry.empty()) {
            p.point = geo::Geometry::fromWkb(unit->geometry).pointOnSurface();
            return p;
        }
        // A unit without a shape (the pre-2025 communes): the new commune that took it whole.
        std::vector<CrosswalkLink> successors = units_.successorsOf(unit->id);
        if (successors.size() == 1) {
            const auto successor = units_.get(successors.front().newUnitId, true);
            if (successor && !successor->geometry.empty()) {
                p.point = geo::Geometry::fromWkb(successor->geometry).pointOnSurface();
                if (successor->generation == kGeneration2025) p.communeId = successor->id;
                return p;
            }
        }
        error.kind = MessageKind::UnitCannotPlace;
        error.count = successors.size() > 1 ? static_cast<std::int64_t>(successors.size()) : 0;
        error.text = successors.size() > 1
            ? "commune " + code + " has no shape and was split between " + std::to_string(successors.size())
                  + " new communes, so the row cannot be placed; give it coordinates or a 2025 commune code"
            : "commune " + code + " has no shape to place the row in";
        return std::nullopt;
    }

    AdminUnits& units_;
    std::string generation_;
    std::map<std::string, std::pair<std::optional<Place>, ImportMessage>> cache_;
};

// --- messages -------------------------------------------------------------------------------

SourcePlace placeOf(const SourceData& source, std::int64_t row, std::string column = {})
{
    return SourcePlace{row, source.isTable(), std::move(column)};
}

ImportMessage fileMessage(MessageKind kind, Severity severity, std::string text)
{
    ImportMessage m;
    m.kind = kind;
    m.severity = severity;
    m.text = std::move(text);
    return m;
}

/// A problem of a row: `text` is said after the place ("<file>, row 5, column "X": ...").
ImportMessage rowProblem(MessageKind kind, const SourceData& source, std::int64_t row, const std::string& column,
                         const std::string& text)
{
    ImportMessage m = fileMessage(kind, Severity::Problem, source.where(row, column) + ": " + text);
    m.at = placeOf(source, row, column);
    return m;
}

/// Where the engine's repairs, warnings and notes go: as data, and as the
/// English lines of a report's lists. Without a list of repairs (the
/// preview), repairs go to the notes as "repaired: ...".
class Messages {
public:
    Messages(std::vector<ImportMessage>& data, std::vector<std::string>& notes, std::vector<std::string>& warnings,
             std::vector<std::string>* repairs)
        : data_(data), notes_(notes), warnings_(warnings), repairs_(repairs) {}

    void add(ImportMessage m)
    {
        switch (m.severity) {
        case Severity::Problem:
        case Severity::Warning: warnings_.push_back(m.text); break;
        case Severity::Note: notes_.push_back(m.text); break;
        case Severity::Repair:
            if (repairs_) repairs_->push_back(m.text);
            else notes_.push_back("repaired: " + m.text);
            break;
        }
        data_.push_back(std::move(m));
    }
    void note(MessageKind kind, std::string text) { add(fileMessage(kind, Severity::Note, std::move(text))); }
    void warn(MessageKind kind, std::string text) { add(fileMessage(kind, Severity::Warning, std::move(text))); }
    void counted(MessageKind kind, Severity severity, std::int64_t count, std::string text)
    {
        ImportMessage m = fileMessage(kind, severity, std::move(text));
        m.count = count;
        add(std::move(m));
    }

private:
    std::vector<ImportMessage>& data_;
    std::vector<std::string>& notes_;
    std::vector<std::string>& warnings_;
    std::vector<std::string>* repairs_;
};

struct Checked {
    std::vector<Feature> features;
    std::vector<std::int64_t> sourceRows;       ///< per feature: its source row
    std::vector<std::vector<std::string>> rowProblems;  ///< per source row checked (preview)
    std::vector<std::optional<geo::Geometry>> geometries;  ///< per feature (preview)
    std::vector<RejectedRow> rejected;
    std::int64_t approximate = 0;
    std::int64_t outside = 0;
    std::int64_t withoutGeometry = 0;
};

class RowChecker {
public:
    RowChecker(ProjectStore& store, const SourceData& source, const Target& target, const RowMapper& mapper,
               const CrsResolution& crs, const ImportRequest& r, Messages& messages)
        : store_(store), source_(source), target_(target), mapper_(mapper), request_(r), messages_(messages),
          communes_(store.units(), UnitLevel::Commune, std::string(kGeneration2025)),
          geometries_(crs.crs, r.file.string())
    {
        if (r.unitColumn) {
            unitColumn_ = source.column(*r.unitColumn);
            if (unitColumn_ < 0)
                throw ImportError(r.file.string() + ": no column \"" + *r.unitColumn + "\" (--unit-column); the columns are "
                                  + source.columnList());
            const auto generation = io::generationKey(r.unitGeneration);
            if (!generation || (*generation != kGeneration2025 && *generation != kGenerationPre2025))
                throw ImportError("--unit-generation must be 2025 or 2023, not '" + r.unitGeneration + "'");
            placer_.emplace(store.units(), *generation);
        }
        approximateTarget_ = mapper.targetIndex("approximate_location");
    }

    /// After the rows: the note on the transformation of the coordinates to
    /// WGS 84, naming the operation PROJ used, to `to`.
    void finish(Messages& to) const
    {
        if (geometries_.note().empty()) return;
        ImportMessage m = fileMessage(MessageKind::CoordinatesTransformed, Severity::Note, geometries_.noteAfterUse());
        m.value = geometries_.sourceCrsLabel();
        m.detail = geometries_.operationUsed();
        to.add(std::move(m));
    }

    /// Checks one row; problems go to `problems` (each text a full sentence
    /// with the file, row and column). Returns the feature, or nullopt when
    /// the row is left out or bad.
    std::optional<Feature> check(const geo::Feature& row, std::vector<ImportMessage>& problems, Checked& out,
                                 std::optional<geo::Geometry>* geometryOut = nullptr)
    {
        const std::string where = source_.where(row.row);
        auto problem = [&](MessageKind kind, std::size_t t, const std::string& text) -> ImportMessage& {
            problems.push_back(rowProblem(kind, source_, row.row, mapper_.columnName(t), text));
            problems.back().field = mapper_.targets()[t].info;
            return problems.back();
        };
        const std::size_t problemsBefore = problems.size();

        Feature feature;
        feature.layer = target_.name;
        feature.illustrative = request_.illustrative;
        feature.source = request_.source.value_or(request_.file.filename().string());

        const RowMapper::Result mapped = mapper_.map(row.values);
        for (const RowMapper::Error& e : mapped.errors) problem(MessageKind::ValueNotConverted, e.target, e.message).value = e.value;
        for (std::size_t t = 0; t < mapper_.targets().size(); ++t) {
            const auto& value = mapped.values[t];
            if (!value) continue;
            const TargetField& field = mapper_.targets()[t];
            if (!field.common) {
                feature.attributes[field.info.name] = *value;
                continue;
            }
            const std::string& name = field.info.name;
            if (name == "illustrative") {
                // Invented data stays marked: a 0 does not unmark --illustrative.
                if (const auto* flag = std::get_if<std::int64_t>(&*value); flag && *flag != 0) feature.illustrative = true;
                continue;
            }
            const std::string text = std::holds_alternative<std::string>(*value) ? std::get<std::string>(*value) : "";
            if (name == "name") {
                if (!text.empty()) feature.name = text;
            } else if (name == "user_key") {
                if (text.empty()) {
                    problem(MessageKind::KeyEmpty, t, "the key is empty");
                } else if (auto [it, inserted] = keys_.emplace(text, row.row); !inserted) {
                    ImportMessage& m = problem(MessageKind::KeyRepeated, t,
                                               "the key \"" + text + "\" was already used at " + source_.where(it->second));
                    m.value = text;
                    m.other = placeOf(source_, it->second);
                } else {
                    feature.userKey = text;
                }
            } else if (name == "source") {
                if (!text.empty()) feature.source = text;
            } else if (name == "commune_code" && !text.empty()) {
                if (auto c = store_.units().findByCodeInGeneration(text, UnitLevel::Commune, kGeneration2025, false))
                    feature.communeId = c->id;
                else
                    unknownCommune(problem(MessageKind::UnknownCommune, t, "no commune with code " + text + " in the 2025 generation"),
                                   text, "2025");
            } else if (name == "commune_old_code" && !text.empty()) {
                if (auto c = store_.units().findByCodeInGeneration(text, UnitLevel::Commune, kGenerationPre2025, false))
                    feature.communeOldId = c->id;
                else
                    unknownCommune(problem(MessageKind::UnknownCommune, t, "no commune with code " + text + " before 2025"), text,
                                   "pre-2025");
            }
        }

        // Geometry.
        std::optional<geo::Geometry> geometry;
        bool approximate = false;
        std::optional<ImportMessage> rejected;
        std::string rejectReason;
        if (row.geometry && !row.geometry->isEmpty()) {
            geometry = prepareGeometry(*row.geometry, row.row, rejected, rejectReason);
        } else if (placer_) {
            const std::string code = io::detail::valueText(row.values[static_cast<std::size_t>(unitColumn_)]);
            const std::string& unitColumn = source_.fields()[static_cast<std::size_t>(unitColumn_)].name;
            ImportMessage error;
            if (code.empty()) {
                problems.push_back(rowProblem(MessageKind::NoPlace, source_, row.row, unitColumn,
                                              "no coordinates and no unit code to place the row"));
            } else if (auto place = placer_->place(code, error)) {
                geometry = place->point;
                approximate = true;
                if (place->communeId && !feature.communeId) feature.communeId = place->communeId;
                if (place->communeOldId && !feature.communeOldId) feature.communeOldId = place->communeOldId;
                std::string reason;
                std::optional<GeometryProblem> misfit;
                if (auto fitted = io::detail::fitToColumn(*geometry, target_.geometryType, reason, &misfit)) {
                    geometry = fitted;
                } else {
                    problems.push_back(rowProblem(MessageKind::UnitPointNotFitting, source_, row.row, unitColumn, reason));
                    problems.back().geometry = std::move(misfit);
                    problems.back().value = code;
                }
            } else {
                const std::string text = error.text;
                error.at = placeOf(source_, row.row, unitColumn);
                error.text = source_.where(row.row, unitColumn) + ": " + text;
                problems.push_back(std::move(error));
            }
        }
        if (rejected) {
            if (request_.skipInvalid) {
                rejected->kind = MessageKind::RowLeftOut;
                out.rejected.push_back({row.row, where, rejectReason, *rejected});
                problems.resize(problemsBefore);  // a left-out row has no other problems to report
                return std::nullopt;
            }
            problems.push_back(std::move(*rejected));
        }
        if (geometry) {
            feature.geometry = io::detail::toStorageWkb(*geometry);
            if (!feature.communeId) {
                feature.communeId = communes_.locate(*geometry);
                if (!feature.communeId && !communes_.empty()) ++out.outside;
            }
        } else {
            ++out.withoutGeometry;
        }
        if (approximateTarget_ >= 0 && target_.hasApproximateField
            && !mapped.values[static_cast<std::size_t>(approximateTarget_)].has_value()) {
            feature.attributes["approximate_location"] = Value{static_cast<std::int64_t>(approximate ? 1 : 0)};
        }
        if (approximate) ++out.approximate;
        if (geometryOut) *geometryOut = geometry;
        if (problems.size() != problemsBefore) return std::nullopt;
        return feature;
    }

private:
    /// Transforms, validates, repairs and fits a geometry; nullopt and
    /// `rejected` set (a GeometryUnusable problem) when it cannot be used.
    std::optional<geo::Geometry> prepareGeometry(const geo::Geometry& source, std::int64_t row,
                                                 std::optional<ImportMessage>& rejected, std::string& reason)
    {
        io::detail::GeometryPreparer::Result r = geometries_.prepare(source, target_.geometryType);
        const std::string where = source_.where(row);
        if (!r.repair.empty()) {
            ImportMessage m = fileMessage(MessageKind::GeometryRepaired, Severity::Repair, where + ": " + r.repair);
            m.at = placeOf(source_, row);
            m.repair = std::move(r.repairReport);
            messages_.add(std::move(m));
        }
        if (!r.geometry) {
            rejected = fileMessage(MessageKind::GeometryUnusable, Severity::Problem, where + ", geometry: " + r.reason);
            rejected->at = placeOf(source_, row);
            rejected->geometry = std::move(r.problem);
            reason = std::move(r.reason);
        }
        return std::move(r.geometry);
    }

    static void unknownCommune(ImportMessage& m, const std::string& code, const char* generation)
    {
        m.value = code;
        m.generation = generation;
    }

    ProjectStore& store_;
    const SourceData& source_;
    const Target& target_;
    const RowMapper& mapper_;
    const ImportRequest& request_;
    Messages& messages_;
    io::detail::UnitLocator communes_;
    io::detail::GeometryPreparer geometries_;
    int unitColumn_ = -1;
    std::optional<UnitPlacer> placer_;
    int approximateTarget_ = -1;
    std::map<std::string, std::int64_t> keys_;  // key -> the row where first seen
};

// --- shared set-up of preview and run -----------------------------------------------

struct Prepared {
    ImportRequest request;
    SourceData source;
    CrsResolution crs;
    Target target;
    std::optional<RowMapper> mapper;
};

std::string quotedList(const std::vector<std::string>& names)
{
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "\"" : ", \"") + n + "\"";
    return list;
}

void checkRequest(const ImportRequest& r)
{
    if (r.file.empty()) throw ImportError("no file to import");
    if (r.layer.empty()) throw ImportError("no target layer");
}

bool isUnitTarget(const std::string& layer)
{
    return io::findUnitLayer(layer) || layer == io::kCrosswalk2025Layer;
}

Prepared prepare(ProjectStore& store, const ImportRequest& request, const ProgressSink& progress)
{
    checkRequest(request);
    ImportRequest r = effectiveRequest(store, request);
    SourceData source = readSource(r, progress);
    CrsResolution crs = resolveCrs(store, source, r);
    Target target = resolveTarget(store, source, r);
    Prepared p{std::move(r), std::move(source), std::move(crs), std::move(target), std::nullopt};
    p.mapper.emplace(makeMapper(p.source, p.target, p.request));
    return p;
}

/// The encoding's and the CRS's notes and warnings (the wizard words them
/// from EncodingDecision and CrsResolution).
void addEncodingAndCrs(const EncodingDecision& encoding, const CrsResolution& crs, Messages& messages)
{
    messages.note(MessageKind::TextEncoding, "text encoding: " + encoding.summary());
    for (const auto& reason : encoding.reasons) messages.note(MessageKind::TextEncoding, "  " + reason);
    for (const auto& w : encoding.warnings) messages.warn(MessageKind::TextEncodingDoubt, w);
    if (crs.crs) {
        messages.note(MessageKind::Crs, "CRS: " + crs.summary());
        if (crs.detection) messages.note(MessageKind::Crs, "  " + crs.detection->explanation);
    }
    for (const auto& w : crs.warnings) messages.warn(MessageKind::CrsDoubt, w);
}

void addSourceNotes(const Prepared& p, Messages& messages)
{
    addEncodingAndCrs(p.source.encoding(), p.crs, messages);
    if (p.target.isNew) {
        std::string fields;
        for (const FieldInfo& f : p.target.definition->fields)
            fields += (fields.empty() ? "" : ", ") + f.name + " (" + std::string(toString(f.type)) + ")";
        ImportMessage m = fileMessage(MessageKind::NewLayer, Severity::Note,
                                      "new reference layer " + p.target.name + " \"" + p.target.definition->titleVi + "\" ("
                                          + std::string(toString(p.target.geometryType)) + "): " + fields);
        m.value = p.target.name;
        m.title = p.target.definition->titleVi;
        m.geometryType = p.target.geometryType;
        m.fields = p.target.definition->fields;
        messages.add(std::move(m));
        if (!p.target.blankKmlColumns.empty()) {
            ImportMessage left = fileMessage(MessageKind::KmlColumnsLeftOut, Severity::Note,
                                             "KML columns left out of the new layer (nothing in them but KML's defaults): "
                                                 + quotedList(p.target.blankKmlColumns));
            left.items = p.target.blankKmlColumns;
            messages.add(std::move(left));
        }
    } else {
        const auto unused = p.mapper->unusedColumns();
        std::vector<std::string> reallyUnused;
        for (const auto& u : unused)
            if (!(p.source.coordinateColumns() && (u == p.source.coordinateColumns()->first || u == p.source.coordinateColumns()->second))
                && !(p.request.unitColumn && u == *p.request.unitColumn))
                reallyUnused.push_back(u);
        if (!reallyUnused.empty()) {
            ImportMessage m = fileMessage(MessageKind::ColumnsNotImported, Severity::Note,
                                          "columns not imported (map them with --field-map FIELD=COLUMN): " + quotedList(reallyUnused));
            m.items = std::move(reallyUnused);
            messages.add(std::move(m));
        }
    }
}

// --- units and the crosswalk ---------------------------------------------------------

ImportResult importUnits(ProjectStore& store, const ImportRequest& request, const ProgressSink& progress)
{
    ImportRequest r = effectiveRequest(store, request);
    ImportResult result;
    if (r.skipInvalid) throw ImportError("--skip-invalid applies to feature layers; unit layers must be complete");
    if (r.unitColumn || r.xColumn) throw ImportError("--unit-column, --x-column and --y-column apply to feature layers");
    if (r.layer == io::kCrosswalk2025Layer) {
        progress.report(ImportProgress::Stage::Writing, 0, 0);
        result.report = io::importCrosswalk2025(store, r.file, r.source);
        return result;
    }
    const SourceData source = readSource(r, progress);
    result.encoding = source.encoding();
    result.crs = resolveCrs(store, source, r);
    io::detail::UnitImportOptions options;
    options.fields = r.fields;
    options.keyField = r.keyField;
    options.crs = result.crs.crs;
    options.illustrative = r.illustrative;
    options.codeList = r.codeList;
    options.source = r.source;
    const auto previous = store.imports().findBySha256(ImportBatches::sha256OfFile(r.file));
    progress.report(ImportProgress::Stage::Checking, 0, static_cast<std::int64_t>(source.rows().size()));
    result.report = io::detail::importUnits(store, source, *io::findUnitLayer(r.layer), options);
    if (!previous.empty())
        result.report.notes.push_back("the same file content was imported before (import batch "
                                      + std::to_string(previous.front().id) + ", " + previous.front().filePath + ")");
    if (result.encoding.basis != EncodingBasis::UnicodeFormat)
        result.report.notes.insert(result.report.notes.begin(), "text encoding: " + result.encoding.summary());
    if (result.crs.basis == CrsResolution::Basis::Detected)
        result.report.notes.insert(result.report.notes.begin(),
                                   "CRS: " + result.crs.summary() + "; " + result.crs.detection->explanation);
    for (const auto& w : result.encoding.warnings) result.report.warnings.push_back(w);
    for (const auto& w : result.crs.warnings) result.report.warnings.push_back(w);
    Transaction transaction(store.connection());
    detail::ImportJournal(store.connection())
        .saveDetails({result.report.importBatchId, std::nullopt, std::string(geo::encodingName(result.encoding.encoding)),
                      result.crs.crs ? std::optional<std::string>(result.crs.crs->label()) : std::nullopt, std::nullopt});
    transaction.commit();
    return result;
}

// --- writing ----------------------------------------------------------------------------

/// The counts of the check: rows left out, outside the communes, without
/// geometry, placed approximately.
void addRowCounts(const Checked& checked, Messages& messages)
{
    if (!checked.rejected.empty())
        messages.counted(MessageKind::RowsLeftOut, Severity::Warning, static_cast<std::int64_t>(checked.rejected.size()),
                         std::to_string(checked.rejected.size())
                             + " row(s) left out because their geometry cannot be used (--skip-invalid)");
    if (checked.outside)
        messages.counted(MessageKind::OutsideCommunes, Severity::Warning, checked.outside,
                         std::to_string(checked.outside) + " feature(s) lie outside every 2025 commune of the project");
    if (checked.withoutGeometry)
        messages.counted(MessageKind::WithoutGeometry, Severity::Warning, checked.withoutGeometry,
                         std::to_string(checked.withoutGeometry) + " feature(s) have no geometry");
    if (checked.approximate)
        messages.counted(MessageKind::ApproximateLocations, Severity::Note, checked.approximate,
                         std::to_string(checked.approximate)
                             + " row(s) placed at their commune's point on surface (approximate_location = 1)");
}

void writeFeatures(ProjectStore& store, Prepared& p, Checked& checked, ImportResult& result, const ProgressSink& progress)
{
    FeatureLayers& features = store.features();
    detail::ImportJournal journal(store.connection());
    const bool keyed = p.mapper->has("user_key");
    const auto total = static_cast<std::int64_t>(checked.features.size());
    bool created = false;
    try {
        Transaction transaction(store.connection());
        if (p.target.isNew) {
            features.createLayer(*p.target.definition);
            created = true;
            result.createdLayer = p.target.name;
        }
        const std::string sha = ImportBatches::sha256OfFile(p.request.file);
        const std::int64_t batch = store.imports().begin(p.request.file, sha, "layer", p.target.name);
        result.report.importBatchId = batch;
        for (Feature& f : checked.features) f.importBatchId = batch;

        for (std::size_t start = 0; start < checked.features.size(); start += kWriteChunk) {
            progress.report(ImportProgress::Stage::Writing, static_cast<std::int64_t>(start), total);
            const std::size_t end = std::min(checked.features.size(), start + kWriteChunk);
            const std::span<const Feature> chunk(checked.features.data() + start, end - start);
            if (keyed) {
                std::vector<std::optional<Feature>> previous;
                previous.reserve(chunk.size());
                for (const Feature& f : chunk) previous.push_back(features.findByKey(p.target.name, *f.userKey));
                const std::vector<UpsertResult> written = features.upsertManyByKey(chunk);
                for (std::size_t i = 0; i < written.size(); ++i) {
                    if (written[i].inserted) {
                        journal.recordInsert(batch, p.target.name, written[i].id);
                        ++result.report.inserted;
                    } else {
                        journal.recordUpdate(batch, p.target.name, *previous[i]);
                        ++result.report.updated;
                    }
                }
            } else {
                for (std::int64_t id : features.insertMany(chunk)) journal.recordInsert(batch, p.target.name, id);
                result.report.inserted += static_cast<std::int64_t>(chunk.size());
            }
        }
        progress.report(ImportProgress::Stage::Writing, total, total);
        journal.saveDetails({batch, result.createdLayer, std::string(geo::encodingName(p.source.encoding().encoding)),
                             p.crs.crs ? std::optional<std::string>(p.crs.crs->label()) : std::nullopt, std::nullopt});
        if (p.request.saveMappingAs) {
            SavedMapping m;
            m.name = *p.request.saveMappingAs;
            m.layer = p.target.name;
            m.fields = p.request.fields;
            m.keyField = p.request.keyField;
            m.xColumn = p.request.xColumn;
            m.yColumn = p.request.yColumn;
            m.unitColumn = p.request.unitColumn;
            if (p.request.unitColumn) m.unitGeneration = p.request.unitGeneration;
            if (p.request.encoding && !isAuto(p.request.encoding)) m.encoding = p.request.encoding;
            if (p.request.crs && !isAuto(p.request.crs)) m.crs = p.request.crs;
            SavedMappings(store.connection()).save(m);
            ImportMessage saved = fileMessage(MessageKind::MappingSaved, Severity::Note,
                                              "mapping saved as '" + m.name + "' (reuse it with --mapping " + m.name + ")");
            saved.value = m.name;
            Messages(result.messages, result.report.notes, result.report.warnings, &result.report.repairs).add(std::move(saved));
        }
        store.imports().finish(batch, result.report.inserted + result.report.updated);
        progress.check();  // the last chance to cancel: nothing is committed yet
        transaction.commit();
    } catch (...) {
        if (created) features.reload();  // the layer was rolled back with the rest
        throw;
    }
}

} // namespace

const char* stageName(ImportProgress::Stage stage)
{
    switch (stage) {
    case ImportProgress::Stage::Reading: return "reading";
    case ImportProgress::Stage::Checking: return "checking";
    case ImportProgress::Stage::Writing: return "writing";
    }
    return "";
}

std::string CrsResolution::summary() const
{
    if (!crs) return "none (no coordinates)";
    switch (basis) {
    case Basis::None: return crs->label();
    case Basis::File: return crs->label() + " (from the file)";
    case Basis::Given: return crs->label() + " (as given)";
    case Basis::Detected: return crs->label() + " (detected)";
    }
    return crs->label();
}

ImportPreview previewImport(ProjectStore& store, const ImportRequest& request, std::size_t maxRows)
{
    const ProgressSink progress(request);
    ImportPreview preview;
    if (isUnitTarget(request.layer)) {
        checkRequest(request);
        ImportRequest r = effectiveRequest(store, request);
        const SourceData source = readSource(r, progress);
        preview.driver = source.driver();
        preview.sourceLayer = source.layerName();
        preview.rowCount = static_cast<std::int64_t>(source.rows().size());
        for (const auto& f : source.fields()) preview.columns.push_back(f.name);
        preview.encoding = source.encoding();
        preview.crs = r.layer == io::kCrosswalk2025Layer ? CrsResolution{} : resolveCrs(store, source, r);
        preview.targetLayer = r.layer;
        for (std::size_t i = 0; i < source.rows().size() && i < maxRows; ++i) {
            const geo::Feature& row = source.rows()[i];
            ImportPreview::Row pr;
            pr.row = row.row;
            pr.label = source.rowLabel(row.row);
            pr.place = placeOf(source, row.row);
            for (const auto& v : row.values) pr.values.push_back(io::detail::valueText(v));
            if (row.geometry) pr.geometryWkt = row.geometry->toWkt(6);
            preview.rows.push_back(std::move(pr));
        }
        Messages(preview.messages, preview.notes, preview.warnings, nullptr)
            .note(MessageKind::UnitLayerPreview,
                  "unit layers and the crosswalk are checked when imported; the preview shows the file's columns");
        return preview;
    }
    Prepared p = prepare(store, request, progress);
    preview.driver = p.source.driver();
    preview.sourceLayer = p.source.layerName();
    preview.rowCount = static_cast<std::int64_t>(p.source.rows().size());
    for (const auto& f : p.source.fields()) preview.columns.push_back(f.name);
    preview.encoding = p.source.encoding();
    preview.crs = p.crs;
    preview.targetLayer = p.target.name;
    preview.newLayer = p.target.isNew;
    preview.targets = p.mapper->targets();
    for (std::size_t t = 0; t < p.mapper->targets().size(); ++t) preview.mappedColumns.push_back(p.mapper->columnName(t));
    Messages messages(preview.messages, preview.notes, preview.warnings, nullptr);
    addSourceNotes(p, messages);

    // The rows' repairs come after the file's notes, as before any row.
    std::vector<ImportMessage> repairs;
    std::vector<std::string> repairNotes, unused;
    Messages rowMessages(repairs, repairNotes, unused, nullptr);
    RowChecker checker(store, p.source, p.target, *p.mapper, p.crs, p.request, rowMessages);
    Checked checked;
    for (std::size_t i = 0; i < p.source.rows().size() && i < maxRows; ++i) {
        const geo::Feature& row = p.source.rows()[i];
        std::vector<ImportMessage> problems;
        std::optional<geo::Geometry> geometry;
        const std::optional<Feature> feature = checker.check(row, problems, checked, &geometry);
        ImportPreview::Row pr;
        pr.row = row.row;
        pr.label = p.source.rowLabel(row.row);
        pr.place = placeOf(p.source, row.row);
        const RowMapper::Result mapped = p.mapper->map(row.values);
        for (const auto& v : mapped.values) pr.values.push_back(v ? displayValue(*v) : std::string());
        if (geometry) pr.geometryWkt = geometry->toWkt(6);
        for (const RejectedRow& rej : checked.rejected)
            if (rej.row == row.row) {
                problems.push_back(rej.message);
                problems.back().text = "left out (--skip-invalid): " + rej.reason;
            }
        for (const ImportMessage& m : problems) pr.problems.push_back(m.text);
        pr.messages = std::move(problems);
        preview.rows.push_back(std::move(pr));
    }
    // The transformation note first, then the repairs; the counts when every row was checked.
    checker.finish(messages);
    for (ImportMessage& m : repairs) messages.add(std::move(m));
    if (preview.rows.size() == p.source.rows().size()) addRowCounts(checked, messages);
    return preview;
}

ImportResult runImport(ProjectStore& store, const ImportRequest& request)
{
    const ProgressSink progress(request);
    if (isUnitTarget(request.layer)) return importUnits(store, request, progress);

    Prepared p = prepare(store, request, progress);
    ImportResult result;
    result.report.file = p.request.file;
    result.report.target = p.target.name;
    result.report.rowsRead = static_cast<std::int64_t>(p.source.rows().size());
    result.encoding = p.source.encoding();
    result.crs = p.crs;
    result.mapping = p.mapper->effectiveMapping();
    Messages messages(result.messages, result.report.notes, result.report.warnings, &result.report.repairs);
    addSourceNotes(p, messages);
    if (!p.target.isNew && !p.mapper->has("user_key")) {
        const auto previous = store.imports().findBySha256(ImportBatches::sha256OfFile(p.request.file));
        for (const ImportBatch& b : previous)
            if (b.target == p.target.name && b.status == ImportStatus::Completed) {
                const auto d = detail::ImportJournal(store.connection()).details(b.id);
                if (d && d->undoneAt) continue;
                ImportMessage m = fileMessage(MessageKind::SameFileAddedAgain, Severity::Warning,
                                              "the same file was imported into " + p.target.name + " before (batch "
                                                  + std::to_string(b.id) + "); without --key its rows are added again");
                m.count = b.id;
                m.value = p.target.name;
                messages.add(std::move(m));
                break;
            }
    }

    // Check every row; all problems are reported together.
    RowChecker checker(store, p.source, p.target, *p.mapper, p.crs, p.request, messages);
    Checked checked;
    ProblemList problems;
    const auto total = static_cast<std::int64_t>(p.source.rows().size());
    std::int64_t done = 0;
    for (const geo::Feature& row : p.source.rows()) {
        if (done++ % static_cast<std::int64_t>(kProgressEvery) == 0)
            progress.report(ImportProgress::Stage::Checking, done - 1, total);
        std::vector<ImportMessage> rowProblems;
        std::optional<Feature> feature = checker.check(row, rowProblems, checked);
        for (auto& pr : rowProblems) problems.add(std::move(pr.text));
        if (feature) {
            checked.features.push_back(std::move(*feature));
            checked.sourceRows.push_back(row.row);
        }
    }
    progress.report(ImportProgress::Stage::Checking, total, total);
    checker.finish(messages);
    problems.throwIfAny(p.request.file, "fix the file (or the options) and import again");
    if (checked.features.empty())
        throw ImportError(p.request.file.string() + ": no row is left to import (" + std::to_string(checked.rejected.size())
                          + " left out)");
    result.rejected = checked.rejected;
    result.approximateLocations = checked.approximate;
    addRowCounts(checked, messages);

    writeFeatures(store, p, checked, result, progress);
    return result;
}

UndoResult undoImport(ProjectStore& store, std::int64_t batchId)
{
    const auto batch = store.imports().get(batchId);
    if (!batch) throw ImportError("there is no import batch " + std::to_string(batchId));
    detail::ImportJournal journal(store.connection());
    const auto details = journal.details(batchId);
    const std::string name = "import batch " + std::to_string(batchId) + " (" + batch->filePath + ")";
    if (details && details->undoneAt)
        throw ImportError(name + " was undone already, on " + toIsoTimestamp(*details->undoneAt));
    if (batch->status != ImportStatus::Completed) throw ImportError(name + " did not complete; there is nothing to undo");

    UndoResult result;
    result.batchId = batchId;
    result.target = batch->target.value_or("");
    Connection& connection = store.connection();
    if (batch->kind == "units") {
        Transaction transaction(connection);
        const auto count = [&](const std::string& sql) {
            auto s = connection.prepare(sql);
            s->bindInt(1, batchId);
            return s->step() ? s->columnInt(0) : 0;
        };
        const std::string ids = "(SELECT id FROM admin_units WHERE import_batch_id = ?)";
        if (const auto n = count("SELECT COUNT(*) FROM unit_crosswalk WHERE old_unit_id IN " + ids
                                 + " OR new_unit_id IN (SELECT id FROM admin_units WHERE import_batch_id = ?1)"))
            throw ImportError("cannot undo " + name + ": " + std::to_string(n)
                              + " crosswalk link(s) refer to its units; remove the crosswalk first");
        if (const auto n = count("SELECT COUNT(*) FROM admin_units WHERE parent_id IN " + ids
                                 + " AND (import_batch_id IS NULL OR import_batch_id <> ?1)"))
            throw ImportError("cannot undo " + name + ": " + std::to_string(n)
                              + " unit(s) of other imports have its units as their parent; undo those first");
        for (const LayerInfo& layer : store.features().layers()) {
            const std::string table = quoteIdentifier(layer.table);
            if (const auto n = count("SELECT COUNT(*) FROM " + table + " WHERE commune_id IN " + ids
                                     + " OR commune_old_id IN (SELECT id FROM admin_units WHERE import_batch_id = ?1)"))
                throw ImportError("cannot undo " + name + ": " + std::to_string(n) + " feature(s) of layer " + layer.name
                                  + " lie in its units");
        }
        result.removed = count("SELECT COUNT(*) FROM admin_units WHERE import_batch_id = ?");
        try {
            auto s = connection.prepare("DELETE FROM admin_units WHERE import_batch_id = ?");
            s->bindInt(1, batchId);
            s->run();
        } catch (const ConstraintError& e) {
            throw ImportError("cannot undo " + name + ": other data (plan allocations, progress entries...) refers to its units ("
                              + e.what() + ")");
        }
        journal.markUndone(batchId, nowUtc());
        transaction.commit();
        return result;
    }
    if (batch->kind != "layer")
        throw ImportError("cannot undo " + name + ": only imports into layers can be undone (this one is a '" + batch->kind
                          + "' import)");
    const std::vector<detail::JournalEntry> entries = journal.entries(batchId);
    if (entries.empty() && !details)
        throw ImportError("cannot undo " + name + ": it was imported before planmap recorded what imports change");

    FeatureLayers& features = store.features();
    bool dropped = false;
    try {
        Transaction transaction(connection);
        for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
            const detail::JournalEntry& e = *it;
            const auto current = features.get(e.featureId);
            if (const auto later = journal.laterBatchOf(e.featureId, batchId)) {
                // The key the user knows the row by, when it has one.
                const std::string which = current && current->userKey
                                              ? "feature \"" + *current->userKey + "\" (id " + std::to_string(e.featureId) + ")"
                                              : "feature " + std::to_string(e.featureId);
                throw ImportError("cannot undo " + name + ": import batch " + std::to_string(*later) + " changed " + which
                                  + " of layer " + e.layer + " afterwards; undo batch " + std::to_string(*later) + " first");
            }
            if (e.update) {
                if (!current)
                    throw ImportError("cannot undo " + name + ": feature " + std::to_string(e.featureId) + " of layer "
                                      + e.layer + ", which it updated, no longer exists");
                features.update(*e.previous);
                ++result.restored;
            } else if (current) {
                try {
                    features.remove(e.featureId);
                } catch (const ConstraintError& ce) {
                    throw ImportError("cannot undo " + name + ": " + ce.what());
                }
                ++result.removed;
            }
        }
        if (details && details->createdLayer && features.hasLayer(*details->createdLayer)
            && features.count(*details->createdLayer) == 0) {
            detail::dropLayer(connection, features.layer(*details->createdLayer));
            dropped = true;
            result.droppedLayer = details->createdLayer;
        }
        journal.markUndone(batchId, nowUtc());
        transaction.commit();
    } catch (...) {
        if (dropped) features.reload();
        throw;
    }
    if (dropped) features.reload();
    return result;
}

std::vector<ImportHistoryEntry> importHistory(ProjectStore& store)
{
    std::vector<ImportHistoryEntry> out;
    detail::ImportJournal journal(store.connection());
    for (ImportBatch& b : store.imports().list()) {
        ImportHistoryEntry e{std::move(b), std::nullopt, std::nullopt, std::nullopt, std::nullopt, 0, 0, false};
        if (auto d = journal.details(e.batch.id)) {
            e.createdLayer = d->createdLayer;
            e.encoding = d->encoding;
            e.crs = d->crs;
            e.undoneAt = d->undoneAt;
        }
        auto s = store.connection().prepare("SELECT COALESCE(SUM(action = 'insert'), 0), COALESCE(SUM(action = 'update'), 0) "
                                            "FROM import_batch_changes WHERE batch_id = ?");
        s->bindInt(1, e.batch.id);
        if (s->step()) {
            e.inserted = s->columnInt(0);
            e.updated = s->columnInt(1);
        }
        if (e.batch.kind == "units") e.inserted = e.batch.rowCount.value_or(0);
        const bool recorded = e.batch.kind == "units" || e.inserted + e.updated > 0 || e.createdLayer;
        e.undoable = !e.undoneAt && e.batch.status == ImportStatus::Completed && recorded
            && (e.batch.kind == "layer" || e.batch.kind == "units");
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace planmap::layers::importer
