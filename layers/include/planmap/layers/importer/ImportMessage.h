#pragma once
// What the import engine says about an import — the problems that stop it,
// the geometry repairs, the warnings and the notes — as data: a kind, where
// in the file, and the figures and names that go with it, so that a user
// interface can word each message in its own language. `text` is the English
// sentence the command line prints; it is the same line that goes into the
// report's string lists (io::ImportReport, ImportPreview::Row::problems).

#include "planmap/geo/Coordinate.h"
#include "planmap/geo/Geometry.h"
#include "planmap/geo/GeometryValidity.h"
#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/store/Spatial.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planmap::layers::importer {

/// A place in the source file.
struct SourcePlace {
    std::int64_t row = -1;   ///< the row as read (feature number; a table row is shown as row + 1); -1 = the whole file
    bool table = false;      ///< a CSV/XLSX/ODS row (the header is row 1) rather than a feature
    std::string column;      ///< the column, when the message is about one ("" otherwise)

    bool isRow() const { return row >= 0; }
    /// The number a user sees: the spreadsheet row (header = 1) or the feature number.
    std::int64_t shownNumber() const { return table ? row + 1 : row; }
};

/// Why a geometry cannot be imported.
struct GeometryProblem {
    enum class Kind {
        NotTransformed,        ///< PROJ could not transform it to WGS 84 (detail: PROJ's message)
        NotLongitudeLatitude,  ///< read in `crs`, its coordinates (location) are not longitude/latitude
        Unrepairable,          ///< invalid (invalidity at location), and MakeValid would lose it (repair)
        WrongType,             ///< a `found` geometry where the layer takes `column`
    };
    Kind kind = Kind::WrongType;
    std::string crs;                      ///< label of the CRS the coordinates were read as
    std::optional<geo::XY> location;      ///< where: a corner of the data, or the invalid spot
    std::string invalidity;               ///< GEOS's reason, e.g. "Self-intersection"
    std::optional<geo::RepairReport> repair;  ///< Unrepairable: what MakeValid would do
    geo::GeometryType found = geo::GeometryType::GeometryCollection;  ///< WrongType: the geometry (or part) type
    GeometryType column = GeometryType::Any;                          ///< WrongType: what the layer takes
    std::string detail;                   ///< PROJ's or the fitting's own words (English)
};

/// The kinds of message, and which of ImportMessage's fields each one fills.
enum class MessageKind {
    // --- problems of one row (they stop the import unless the row is left out)
    ValueNotConverted,     ///< at(column), field, value: the text that is not of the field's type
    KeyEmpty,              ///< at(column), field
    KeyRepeated,           ///< at(column), value: the key; other: where it was first used (other.row)
    UnknownCommune,        ///< at(column), value: the code; generation: "2025" or "pre-2025"
    NoPlace,               ///< at(unit column): no coordinates and no unit code
    UnitCannotPlace,       ///< at(unit column), value: the code; count: new communes it was split
                           ///< into (0: the unit has no shape at all)
    UnitPointNotFitting,   ///< at(unit column), geometry (WrongType): the point does not fit the layer
    GeometryUnusable,      ///< at, geometry
    RowLeftOut,            ///< at, geometry: with "leave out invalid rows", the row will be left out
    // --- repairs
    GeometryRepaired,      ///< at, repair: what MakeValid did
    // --- about the whole file (warnings and notes)
    TextEncoding,          ///< note: the encoding decided (see EncodingDecision)
    TextEncodingDoubt,     ///< warning about the encoding (see EncodingDecision)
    Crs,                   ///< note: the CRS used (see CrsResolution)
    CrsDoubt,              ///< warning about the CRS (see CrsResolution)
    CoordinatesTransformed,///< note: value: the source CRS; detail: PROJ's operation
    NewLayer,              ///< note: value: name; title; geometryType; fields
    ColumnsNotImported,    ///< note: items: the columns no field reads
    KmlColumnsLeftOut,     ///< note: items: KML presentation columns holding only KML's defaults, not made fields
    SameContentImportedBefore, ///< note: count: the batch; value: its file path
    SameFileAddedAgain,    ///< warning: count: the batch; value: the target layer
    RowsLeftOut,           ///< warning: count rows left out (their geometry cannot be used)
    OutsideCommunes,       ///< warning: count features outside every 2025 commune
    WithoutGeometry,       ///< warning: count features without geometry
    ApproximateLocations,  ///< note: count rows placed at their commune's point on surface
    MappingSaved,          ///< note: value: the mapping's name
    UnitLayerPreview,      ///< note: unit layers are checked when imported; the preview shows the columns
};

/// The notes and warnings about the text encoding and the CRS: they repeat
/// EncodingDecision and CrsResolution, from which a user interface words them.
inline bool isAboutEncodingOrCrs(MessageKind kind)
{
    return kind == MessageKind::TextEncoding || kind == MessageKind::TextEncodingDoubt || kind == MessageKind::Crs
        || kind == MessageKind::CrsDoubt;
}

enum class Severity {
    Problem,  ///< the row cannot be imported as it is
    Repair,   ///< a geometry was repaired
    Warning,
    Note,
};

struct ImportMessage {
    MessageKind kind = MessageKind::ValueNotConverted;
    Severity severity = Severity::Note;
    SourcePlace at;                       ///< where (row < 0: the whole file)
    std::string value;                    ///< the value, key, code, name, CRS or path (see the kind)
    SourcePlace other;                    ///< KeyRepeated: where the key was first used
    std::int64_t count = 0;               ///< rows, a batch id or split communes (see the kind)
    std::optional<FieldInfo> field;       ///< ValueNotConverted, KeyEmpty: the target field
    std::string generation;               ///< UnknownCommune: "2025" or "pre-2025"
    std::string detail;                   ///< CoordinatesTransformed: PROJ's description of the operation
    std::optional<GeometryProblem> geometry;
    std::optional<geo::RepairReport> repair;
    std::string title;                    ///< NewLayer: its title
    GeometryType geometryType = GeometryType::Any;  ///< NewLayer
    std::vector<FieldInfo> fields;        ///< NewLayer: the fields it gets
    std::vector<std::string> items;       ///< ColumnsNotImported
    std::string text;                     ///< the English sentence (what the CLI prints)
};

} // namespace planmap::layers::importer
