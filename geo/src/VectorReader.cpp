#include "planmap/geo/VectorReader.h"

#include "GdalSupport.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace planmap::geo {

using detail::GdalErrorCapture;

namespace {

std::string inQuotes(const std::string& s) { return "'" + s + "'"; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

/// A number written as text: plain decimal or scientific notation, or with a
/// single decimal comma ("106,7615"). No NaN, infinity or other letters.
std::optional<double> parseNumber(std::string_view text) {
    std::string s = trimmed(text);
    if (s.empty()) return std::nullopt;
    for (char c : s) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == '-' || c == '+' ||
              c == 'e' || c == 'E')) {
            return std::nullopt;
        }
    }
    if (std::count(s.begin(), s.end(), ',') == 1 && s.find('.') == std::string::npos) {
        std::replace(s.begin(), s.end(), ',', '.');
    }
    const char* begin = s.data() + (s.front() == '+' ? 1 : 0);
    double v = 0.0;
    const auto [end, ec] = std::from_chars(begin, s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

/// An integer without a leading zero (so "05977" is a code, not a number).
std::optional<std::int64_t> parseInteger(std::string_view text) {
    const std::string s = trimmed(text);
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i >= s.size() || s.size() - i > 18) return std::nullopt;
    if (s[i] == '0' && s.size() - i > 1) return std::nullopt;
    for (std::size_t k = i; k < s.size(); ++k) {
        if (!std::isdigit(static_cast<unsigned char>(s[k]))) return std::nullopt;
    }
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data() + (s[0] == '+' ? 1 : 0), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

bool hasCodeLikeLeadingZero(std::string_view text) {
    const std::string s = trimmed(text);
    return s.size() > 1 && s[0] == '0' && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool validDate(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d > days[m - 1]) return false;
    if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return true;
}

/// YYYY-MM-DD, YYYY/MM/DD or the Vietnamese DD/MM/YYYY.
std::optional<Date> parseDate(std::string_view text) {
    const std::string s = trimmed(text);
    int a = 0, b = 0, c = 0;
    char s1 = 0, s2 = 0;
    auto digits = [&](std::size_t from, std::size_t n, int& out) {
        if (from + n > s.size()) return false;
        out = 0;
        for (std::size_t k = from; k < from + n; ++k) {
            if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
            out = out * 10 + (s[k] - '0');
        }
        return true;
    };
    if (s.size() == 10 && digits(0, 4, a) && digits(5, 2, b) && digits(8, 2, c)) {
        s1 = s[4];
        s2 = s[7];
        if ((s1 == '-' || s1 == '/') && s1 == s2 && validDate(a, b, c)) return Date{a, b, c};
        return std::nullopt;
    }
    // D/M/YYYY with one- or two-digit day and month.
    const auto p1 = s.find('/');
    const auto p2 = p1 == std::string::npos ? std::string::npos : s.find('/', p1 + 1);
    if (p1 == std::string::npos || p2 == std::string::npos || p1 == 0 || p1 > 2 || p2 - p1 - 1 == 0 ||
        p2 - p1 - 1 > 2 || s.size() - p2 - 1 != 4) {
        return std::nullopt;
    }
    if (!digits(0, p1, a) || !digits(p1 + 1, p2 - p1 - 1, b) || !digits(p2 + 1, 4, c)) return std::nullopt;
    if (!validDate(c, b, a)) return std::nullopt;
    return Date{c, b, a};
}

FieldType fieldTypeFromOgr(const OGRFieldDefn& f) {
    switch (f.GetType()) {
    case OFTInteger:
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    case OFTDate: return FieldType::Date;
    case OFTDateTime: return FieldType::DateTime;
    default: return FieldType::String;
    }
}

bool isTabularDriver(const std::string& driver) {
    return driver == "CSV" || driver == "XLSX" || driver == "ODS";
}

const std::array<const char*, 16> kXNames{"x", "lon", "lng", "long", "longitude", "kinh_do", "kinhdo", "kinh do",
                                          "kinh độ", "kinh_độ", "easting", "toa_do_x", "toado_x", "x_coord",
                                          "coord_x", "xcoord"};
const std::array<const char*, 15> kYNames{"y", "lat", "latitude", "vi_do", "vido", "vi do", "vĩ độ", "vĩ_độ",
                                          "northing", "toa_do_y", "toado_y", "y_coord", "coord_y", "ycoord",
                                          "lat_"};

} // namespace

// --------------------------------------------------------------------------

struct VectorReader::Dataset {
    GDALDatasetUniquePtr ds;
    std::filesystem::path path;
    std::string driver;
};

struct VectorLayer::State {
    std::shared_ptr<VectorReader::Dataset> dataset;
    ReaderOptions options;
    OGRLayer* layer = nullptr;
    std::string name;
    std::vector<FieldDefinition> fields;
    std::vector<int> sourceIndex;      ///< OGR field index of each exposed field
    std::vector<bool> parseFromText;   ///< inferred CSV type: convert GDAL's text
    int xIndex = -1, yIndex = -1;      ///< OGR field indices of coordinate columns
    int wktIndex = -1;                 ///< OGR field index of the WKT column
    std::string xName, yName, wktName;
    std::optional<std::optional<Crs>> crs;  ///< cached
    std::int64_t row = 0;

    std::string where() const {
        return inQuotes(dataset->path.string()) + (name.empty() ? std::string() : ", layer " + inQuotes(name));
    }
    std::string whereRow(std::int64_t r) const { return where() + ", row " + std::to_string(r); }
    std::string ogrFieldName(int ogrIndex) const {
        return layer->GetLayerDefn()->GetFieldDefn(ogrIndex)->GetNameRef();
    }
    int findOgrField(const std::string& wanted) const {
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        const int exact = defn->GetFieldIndex(wanted.c_str());  // case-insensitive in OGR
        if (exact >= 0) return exact;
        const std::string w = lower(trimmed(wanted));
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (lower(trimmed(defn->GetFieldDefn(i)->GetNameRef())) == w) return i;
        }
        return -1;
    }
    std::string columnList() const {
        std::string out;
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) out += (i ? ", " : "") + inQuotes(defn->GetFieldDefn(i)->GetNameRef());
        return out.empty() ? "(none)" : out;
    }

    void setUp();
    void inferCsvTypes();
    FieldValue readValue(const OGRFeature& f, std::size_t i) const;
    std::optional<double> coordinate(const OGRFeature& f, int ogrIndex, std::int64_t r) const;
    std::optional<Geometry> readGeometry(const OGRFeature& f, std::int64_t r) const;
};

void VectorLayer::State::setUp() {
    name = layer->GetName();
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const bool tabular = isTabularDriver(dataset->driver);
    const bool hasGeometryField = defn->GetGeomFieldCount() > 0;

    // Geometry from columns.
    if (!options.wktColumn.empty()) {
        wktIndex = findOgrField(options.wktColumn);
        if (wktIndex < 0) {
            throw IoError(where() + ": no WKT column " + inQuotes(options.wktColumn) + "; the columns are " + columnList());
        }
    } else if (options.autoDetectGeometryColumns && tabular) {
        wktIndex = findOgrField("WKT");
    }
    if (wktIndex < 0) {
        if (!options.xColumn.empty() || !options.yColumn.empty()) {
            if (options.xColumn.empty() || options.yColumn.empty()) {
                throw IoError(where() + ": both an X and a Y column are needed to build points");
            }
            xIndex = findOgrField(options.xColumn);
            yIndex = findOgrField(options.yColumn);
            if (xIndex < 0 || yIndex < 0) {
                throw IoError(where() + ": no column " + inQuotes(xIndex < 0 ? options.xColumn : options.yColumn) +
                              "; the columns are " + columnList());
            }
        } else if (options.autoDetectGeometryColumns && (tabular || !hasGeometryField)) {
            for (const char* candidate : kXNames) {
                if ((xIndex = findOgrField(candidate)) >= 0) break;
            }
            for (const char* candidate : kYNames) {
                if ((yIndex = findOgrField(candidate)) >= 0) break;
            }
            if (xIndex < 0 || yIndex < 0 || xIndex == yIndex) xIndex = yIndex = -1;
        }
    }
    if (wktIndex >= 0) wktName = ogrFieldName(wktIndex);
    if (xIndex >= 0) {
        xName = ogrFieldName(xIndex);
        yName = ogrFieldName(yIndex);
    }

    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const bool geometryColumn = i == wktIndex || i == xIndex || i == yIndex;
        if (geometryColumn && !options.keepGeometryColumns) continue;
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        fields.push_back({fd->GetNameRef(), fieldTypeFromOgr(*fd), fd->GetWidth(), fd->GetPrecision()});
        sourceIndex.push_back(i);
        parseFromText.push_back(false);
    }
    if (dataset->driver == "CSV" && options.inferCsvTypes) inferCsvTypes();
}

void VectorLayer::State::inferCsvTypes() {
    struct Evidence {
        bool any = false, allInteger = true, allNumber = true, allDate = true;
    };
    std::vector<Evidence> evidence(fields.size());
    layer->ResetReading();
    GdalErrorCapture capture;
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].type != FieldType::String || !f->IsFieldSetAndNotNull(sourceIndex[i])) continue;
            const char* text = f->GetFieldAsString(sourceIndex[i]);
            if (trimmed(text).empty()) continue;
            Evidence& e = evidence[i];
            e.any = true;
            if (e.allInteger && !parseInteger(text)) e.allInteger = false;
            if (e.allNumber && (hasCodeLikeLeadingZero(text) || !parseNumber(text) ||
                                std::string_view(text).find(',') != std::string_view::npos)) {
                e.allNumber = false;
            }
            if (e.allDate && !parseDate(text)) e.allDate = false;
        }
    }
    layer->ResetReading();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Evidence& e = evidence[i];
        if (fields[i].type != FieldType::String || !e.any) continue;
        FieldType inferred = FieldType::String;
        if (e.allInteger) inferred = FieldType::Integer;
        else if (e.allNumber) inferred = FieldType::Real;
        else if (e.allDate) inferred = FieldType::Date;
        if (inferred != FieldType::String) {
            fields[i].type = inferred;
            fields[i].width = 0;
            fields[i].precision = 0;
            parseFromText[i] = true;
        }
    }
}

FieldValue VectorLayer::State::readValue(const OGRFeature& f, std::size_t i) const {
    const int k = sourceIndex[i];
    if (!f.IsFieldSetAndNotNull(k)) return std::monostate{};
    if (parseFromText[i]) {
        const char* text = f.GetFieldAsString(k);
        if (trimmed(text).empty()) return std::monostate{};
        std::optional<FieldValue> v;
        switch (fields[i].type) {
        case FieldType::Integer:
            if (auto n = parseInteger(text)) v = *n;
            break;
        case FieldType::Real:
            if (auto n = parseNumber(text)) v = *n;
            break;
        case FieldType::Date:
            if (auto d = parseDate(text)) v = *d;
            break;
        default: v = std::string(text); break;
        }
        if (!v) {
            throw IoError(whereRow(row) + ", column " + inQuotes(fields[i].name) + ": " + inQuotes(text) + " is not a " +
                          lower(fieldTypeName(fields[i].type)) + " like the rest of the column");
        }
        return *v;
    }
    switch (fields[i].type) {
    case FieldType::Integer: return static_cast<std::int64_t>(f.GetFieldAsInteger64(k));
    case FieldType::Real: return f.GetFieldAsDouble(k);
    case FieldType::Date:
    case FieldType::DateTime: {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        if (!const_cast<OGRFeature&>(f).GetFieldAsDateTime(k, &y, &m, &d, &hh, &mm, &ss, &tz)) {
            return std::monostate{};
        }
        if (fields[i].type == FieldType::Date) return Date{y, m, d};
        return DateTime{Date{y, m, d}, hh, mm, static_cast<double>(ss), tz};
    }
    default: return std::string(f.GetFieldAsString(k));
    }
}

std::optional<double> VectorLayer::State::coordinate(const OGRFeature& f, int k, std::int64_t r) const {
    if (!f.IsFieldSetAndNotNull(k)) return std::nullopt;
    const OGRFieldType t = f.GetFieldDefnRef(k)->GetType();
    if (t == OFTReal || t == OFTInteger || t == OFTInteger64) return f.GetFieldAsDouble(k);
    const char* text = f.GetFieldAsString(k);
    if (trimmed(text).empty()) return std::nullopt;
    if (auto v = parseNumber(text)) return v;
    throw IoError(whereRow(r) + ", column " + inQuotes(ogrFieldName(k)) + ": " + inQuotes(text) +
                  " is not a number, so the point cannot be placed");
}

std::optional<Geometry> VectorLayer::State::readGeometry(const OGRFeature& f, std::int64_t r) const {
    if (wktIndex >= 0) {
        if (!f.IsFieldSetAndNotNull(wktIndex)) return std::nullopt;
        const std::string text = trimmed(f.GetFieldAsString(wktIndex));
        if (text.empty()) return std::nullopt;
        try {
            return Geometry::fromWkt(text);
        } catch (const GeometryError& e) {
            throw IoError(whereRow(r) + ", column " + inQuotes(wktName) + ": not a valid WKT geometry (" + e.what() + ")");
        }
    }
    if (xIndex >= 0) {
        const auto x = coordinate(f, xIndex, r);
        const auto y = coordinate(f, yIndex, r);
        if (!x && !y) return std::nullopt;
        if (!x || !y) {
            throw IoError(whereRow(r) + ": column " + inQuotes(!x ? xName : yName) + " is empty but " +
                          inQuotes(!x ? yName : xName) + " is not");
        }
        return Geometry::point(*x, *y);
    }
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g) return std::nullopt;
    try {
        return detail::geometryFromOgr(*g);
    } catch (const GeometryError& e) {
        throw IoError(whereRow(r) + ": unreadable geometry (" + e.what() + ")");
    }
}

// --------------------------------------------------------------------------

VectorLayer::VectorLayer(std::shared_ptr<State> state) : d_(std::move(state)) {}

const std::string& VectorLayer::name() const { return d_->name; }
const std::vector<FieldDefinition>& VectorLayer::fields() const { return d_->fields; }

int VectorLayer::fieldIndex(std::string_view name) const {
    for (std::size_t i = 0; i < d_->fields.size(); ++i) {
        if (d_->fields[i].name == name) return static_cast<int>(i);
    }
    const std::string wanted = lower(std::string(name));
    for (std::size_t i = 0; i < d_->fields.size(); ++i) {
        if (lower(d_->fields[i].name) == wanted) return static_cast<int>(i);
    }
    return -1;
}

std::int64_t VectorLayer::featureCount() const {
    GdalErrorCapture capture;
    const GIntBig n = d_->layer->GetFeatureCount(TRUE);
    if (n < 0) throw IoError(d_->where() + ": cannot count the features (" + capture.failureText() + ")");
    return n;
}

std::optional<Crs> VectorLayer::crs() const {
    if (!d_->crs) {
        const OGRSpatialReference* srs = d_->xIndex >= 0 || d_->wktIndex >= 0 ? nullptr : d_->layer->GetSpatialRef();
        if (!srs) {
            d_->crs = std::optional<Crs>();
        } else {
            try {
                d_->crs = std::optional<Crs>(detail::crsFromOgr(*srs));
            } catch (const GeoError& e) {
                throw IoError(d_->where() + ": the coordinate reference system cannot be read (" + e.what() + ")");
            }
        }
    }
    return *d_->crs;
}

std::optional<GeometryType> VectorLayer::geometryType() const {
    if (d_->xIndex >= 0) return GeometryType::Point;
    if (d_->wktIndex >= 0) return std::nullopt;
    return detail::geometryTypeFromOgr(d_->layer->GetGeomType());
}

std::optional<std::pair<std::string, std::string>> VectorLayer::coordinateColumns() const {
    if (d_->xIndex < 0) return std::nullopt;
    return std::make_pair(d_->xName, d_->yName);
}

std::optional<std::string> VectorLayer::wktColumn() const {
    if (d_->wktIndex < 0) return std::nullopt;
    return d_->wktName;
}

Envelope VectorLayer::extent() const {
    if (d_->xIndex >= 0 || d_->wktIndex >= 0) {
        VectorLayer self(d_);
        self.reset();
        Envelope e;
        Feature f;
        while (self.next(f)) {
            if (f.geometry) e.expand(f.geometry->envelope());
        }
        self.reset();
        return e;
    }
    OGREnvelope env;
    GdalErrorCapture capture;
    if (d_->layer->GetExtent(&env, TRUE) != OGRERR_NONE) return {};
    d_->layer->ResetReading();
    d_->row = 0;
    return {env.MinX, env.MinY, env.MaxX, env.MaxY};
}

DeclaredEncoding VectorLayer::declaredEncoding() const {
    DeclaredEncoding out;
    auto item = [this](const char* key) {
        const char* v = d_->layer->GetMetadataItem(key, "SHAPEFILE");
        return std::string(v ? v : "");
    };
    out.cpg = item("CPG_VALUE");
    out.ldid = item("LDID_VALUE");
    out.encoding = item("ENCODING_FROM_CPG");
    if (out.encoding.empty()) out.encoding = item("ENCODING_FROM_LDID");
    if (out.encoding.empty()) out.encoding = item("SOURCE_ENCODING");
    return out;
}

void VectorLayer::reset() {
    d_->layer->ResetReading();
    d_->row = 0;
}

bool VectorLayer::next(Feature& out) {
    GdalErrorCapture capture;
    OGRFeatureUniquePtr f(d_->layer->GetNextFeature());
    if (!f) {
        if (capture.hasFailure()) {
            throw IoError(d_->where() + ": reading stopped after row " + std::to_string(d_->row) + " (" +
                          capture.failureText() + ")");
        }
        return false;
    }
    const std::int64_t r = ++d_->row;
    out.row = r;
    out.fid = f->GetFID();
    out.values.resize(d_->fields.size());
    for (std::size_t i = 0; i < d_->fields.size(); ++i) out.values[i] = d_->readValue(*f, i);
    out.geometry = d_->readGeometry(*f, r);
    return true;
}

std::vector<Feature> VectorLayer::readAll() {
    std::vector<Feature> all;
    Feature f;
    while (next(f)) all.push_back(std::move(f));
    return all;
}

// --------------------------------------------------------------------------

namespace {

GDALDatasetUniquePtr openDataset(const std::string& path, const std::vector<std::string>& openOptions,
                                 std::string& error) {
    std::vector<const char*> oo;
    for (const auto& o : openOptions) oo.push_back(o.c_str());
    oo.push_back(nullptr);
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                              nullptr, oo.data(), nullptr));
    if (!ds) error = capture.failureText();
    return ds;
}

} // namespace

VectorReader::VectorReader(const std::filesystem::path& path, ReaderOptions options)
    : dataset_(std::make_shared<Dataset>()), options_(std::move(options)) {
    detail::ensureGdalRegistered();
    const std::string p = path.string();
    dataset_->path = path;
    const bool virtualPath = p.rfind("/vsi", 0) == 0;
    std::error_code ec;
    if (!virtualPath && !std::filesystem::exists(path, ec)) throw IoError("File not found: " + inQuotes(p));

    std::string error;
    dataset_->ds = openDataset(p, options_.openOptions, error);
    if (!dataset_->ds) {
        throw IoError("Cannot open " + inQuotes(p) + ": it is damaged or not a vector format planmap can read" +
                      (error.empty() ? std::string() : " (" + error + ")"));
    }
    dataset_->driver = dataset_->ds->GetDriver() ? dataset_->ds->GetDriver()->GetDescription() : "";
    if (options_.rawStrings && dataset_->driver == "ESRI Shapefile") {
        // Reopen so that the DBF bytes are handed over without recoding.
        std::vector<std::string> oo = options_.openOptions;
        oo.emplace_back("ENCODING=");
        dataset_->ds.reset();
        dataset_->ds = openDataset(p, oo, error);
        if (!dataset_->ds) throw IoError("Cannot open " + inQuotes(p) + " (" + error + ")");
    }
}

VectorReader::~VectorReader() = default;
VectorReader::VectorReader(VectorReader&&) noexcept = default;
VectorReader& VectorReader::operator=(VectorReader&&) noexcept = default;

const std::filesystem::path& VectorReader::path() const { return dataset_->path; }
std::string VectorReader::driverName() const { return dataset_->driver; }
int VectorReader::layerCount() const { return dataset_->ds->GetLayerCount(); }

std::vector<std::string> VectorReader::layerNames() const {
    std::vector<std::string> names;
    for (int i = 0; i < layerCount(); ++i) names.emplace_back(dataset_->ds->GetLayer(i)->GetName());
    return names;
}

VectorLayer VectorReader::layer(int index) const {
    OGRLayer* l = (index >= 0 && index < layerCount()) ? dataset_->ds->GetLayer(index) : nullptr;
    if (!l) {
        throw IoError(inQuotes(dataset_->path.string()) + " has no layer number " + std::to_string(index + 1) + " (it has " +
                      std::to_string(layerCount()) + ")");
    }
    auto state = std::make_shared<VectorLayer::State>();
    state->dataset = dataset_;
    state->options = options_;
    state->layer = l;
    state->setUp();
    l->ResetReading();
    return VectorLayer(std::move(state));
}

VectorLayer VectorReader::layer(std::string_view name) const {
    const std::vector<std::string> names = layerNames();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return layer(static_cast<int>(i));
    }
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + inQuotes(n);
    throw IoError(inQuotes(dataset_->path.string()) + " has no layer " + inQuotes(std::string(name)) + " (layers: " +
                  (list.empty() ? "none" : list) + ")");
}

} // namespace planmap::geo
