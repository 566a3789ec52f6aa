#include "planmap/layers/print/Layout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace planmap::layers::print {

namespace {

template <class E>
struct NamedValue {
    E value;
    const char* name;
};

constexpr NamedValue<ItemKind> kItemKinds[] = {
    {ItemKind::Map, "map"},           {ItemKind::Text, "text"},
    {ItemKind::Legend, "legend"},     {ItemKind::ScaleBar, "scale_bar"},
    {ItemKind::NorthArrow, "north_arrow"}, {ItemKind::Inset, "inset"},
    {ItemKind::IndicatorTable, "indicator_table"}, {ItemKind::Notice, "notice"},
};
constexpr NamedValue<ExtentMode> kExtentModes[] = {
    {ExtentMode::Page, "page"}, {ExtentMode::Fixed, "fixed"}, {ExtentMode::Canvas, "canvas"}};
constexpr NamedValue<GridKind> kGridKinds[] = {
    {GridKind::None, "none"}, {GridKind::Projected, "projected"}, {GridKind::Graticule, "graticule"}};
constexpr NamedValue<PaperSize> kPapers[] = {{PaperSize::A4, "A4"}, {PaperSize::A3, "A3"}};
constexpr NamedValue<Orientation> kOrientations[] = {{Orientation::Portrait, "portrait"},
                                                     {Orientation::Landscape, "landscape"}};

template <class E, std::size_t N>
QString nameOf(const NamedValue<E> (&table)[N], E value)
{
    for (const auto& nv : table)
        if (nv.value == value) return QString::fromLatin1(nv.name);
    return {};
}

template <class E, std::size_t N>
std::optional<E> parse(const NamedValue<E> (&table)[N], const QString& text)
{
    const QString t = text.trimmed();
    for (const auto& nv : table)
        if (t.compare(QLatin1String(nv.name), Qt::CaseInsensitive) == 0) return nv.value;
    return std::nullopt;
}

/// Reads the fields of one JSON object, naming `where` in errors.
class Reader {
public:
    Reader(const QJsonObject& o, QString where) : o_(o), where_(std::move(where)) {}

    [[noreturn]] void fail(const QString& field, const QString& what) const
    {
        throw LayoutError(QStringLiteral("%1, field \"%2\": %3").arg(where_, field, what).toStdString());
    }
    bool has(const char* key) const { return o_.contains(QLatin1String(key)); }
    void string(const char* key, QString& out) const
    {
        if (!has(key)) return;
        const QJsonValue v = o_.value(QLatin1String(key));
        if (!v.isString()) fail(QLatin1String(key), QStringLiteral("expected text"));
        out = v.toString();
    }
    void number(const char* key, double& out, double min = -1e300, double max = 1e300) const
    {
        if (!has(key)) return;
        const QJsonValue v = o_.value(QLatin1String(key));
        if (!v.isDouble() || !std::isfinite(v.toDouble())) fail(QLatin1String(key), QStringLiteral("expected a number"));
        const double d = v.toDouble();
        if (d < min || d > max)
            fail(QLatin1String(key), QStringLiteral("%1 is outside [%2, %3]").arg(d).arg(min).arg(max));
        out = d;
    }
    void integer(const char* key, int& out, int min, int max) const
    {
        double d = out;
        number(key, d, min, max);
        if (d != std::floor(d)) fail(QLatin1String(key), QStringLiteral("expected a whole number"));
        out = int(d);
    }
    void boolean(const char* key, bool& out) const
    {
        if (!has(key)) return;
        const QJsonValue v = o_.value(QLatin1String(key));
        if (!v.isBool()) fail(QLatin1String(key), QStringLiteral("expected true or false"));
        out = v.toBool();
    }
    void color(const char* key, QColor& out) const
    {
        QString s;
        string(key, s);
        if (s.isEmpty()) return;
        const QColor c = QColor::fromString(s);
        if (!c.isValid()) fail(QLatin1String(key), QStringLiteral("\"%1\" is not a colour").arg(s));
        out = c;
    }
    template <class E, std::size_t N>
    void choice(const char* key, const NamedValue<E> (&table)[N], E& out) const
    {
        QString s;
        string(key, s);
        if (!has(key)) return;
        const auto v = parse(table, s);
        if (!v) {
            QStringList names;
            for (const auto& nv : table) names << QString::fromLatin1(nv.name);
            fail(QLatin1String(key), QStringLiteral("\"%1\" is not one of %2").arg(s, names.join(QStringLiteral(", "))));
        }
        out = *v;
    }
    QJsonObject object(const char* key) const
    {
        if (!has(key)) return {};
        const QJsonValue v = o_.value(QLatin1String(key));
        if (!v.isObject()) fail(QLatin1String(key), QStringLiteral("expected an object"));
        return v.toObject();
    }
    QJsonArray array(const char* key) const
    {
        if (!has(key)) return {};
        const QJsonValue v = o_.value(QLatin1String(key));
        if (!v.isArray()) fail(QLatin1String(key), QStringLiteral("expected an array"));
        return v.toArray();
    }
    const QString& where() const { return where_; }

private:
    const QJsonObject& o_;
    QString where_;
};

QJsonArray rectToJson(const QRectF& r)
{
    return QJsonArray{r.x(), r.y(), r.width(), r.height()};
}

QJsonValue extentToJson(const render::Extent& e)
{
    if (e.isEmpty()) return QJsonValue();
    return QJsonArray{e.minx, e.miny, e.maxx, e.maxy};
}

std::vector<double> numbers(const Reader& r, const char* key, const QJsonArray& a, std::size_t n)
{
    std::vector<double> out;
    if (std::size_t(a.size()) != n) r.fail(QLatin1String(key), QStringLiteral("expected %1 numbers").arg(n));
    for (const QJsonValue& v : a) {
        if (!v.isDouble() || !std::isfinite(v.toDouble())) r.fail(QLatin1String(key), QStringLiteral("expected numbers"));
        out.push_back(v.toDouble());
    }
    return out;
}

QJsonObject mapToJson(const MapSettings& m)
{
    QJsonObject o;
    o.insert(QStringLiteral("extent_mode"), extentModeName(m.extentMode));
    if (!m.extent.isEmpty()) o.insert(QStringLiteral("extent"), extentToJson(m.extent));
    o.insert(QStringLiteral("scale"), m.scaleDenominator);
    o.insert(QStringLiteral("margin"), m.marginFraction);
    if (!m.hiddenLayers.isEmpty()) o.insert(QStringLiteral("hidden_layers"), QJsonArray::fromStringList(m.hiddenLayers));
    o.insert(QStringLiteral("grid"), gridKindName(m.grid));
    o.insert(QStringLiteral("grid_interval"), m.gridInterval);
    o.insert(QStringLiteral("highlight_unit"), m.highlightUnit);
    o.insert(QStringLiteral("labels"), m.labels);
    return o;
}

MapSettings mapFromJson(const QJsonObject& o, const QString& where)
{
    MapSettings m;
    Reader r(o, where + QStringLiteral(", map"));
    r.choice("extent_mode", kExtentModes, m.extentMode);
    if (r.has("extent") && !o.value(QLatin1String("extent")).isNull()) {
        const auto v = numbers(r, "extent", r.array("extent"), 4);
        if (!(v[0] < v[2] && v[1] < v[3])) r.fail(QStringLiteral("extent"), QStringLiteral("needs minx < maxx and miny < maxy"));
        m.extent = render::Extent(v[0], v[1], v[2], v[3]);
    }
    r.number("scale", m.scaleDenominator, 0.0, 1e9);
    r.number("margin", m.marginFraction, 0.0, 1.0);
    for (const QJsonValue& v : r.array("hidden_layers")) {
        if (!v.isString()) r.fail(QStringLiteral("hidden_layers"), QStringLiteral("expected layer keys (text)"));
        m.hiddenLayers << v.toString();
    }
    r.choice("grid", kGridKinds, m.grid);
    r.number("grid_interval", m.gridInterval, 0.0, 1e7);
    r.boolean("highlight_unit", m.highlightUnit);
    r.boolean("labels", m.labels);
    if (m.extentMode == ExtentMode::Fixed && m.extent.isEmpty())
        r.fail(QStringLiteral("extent"), QStringLiteral("a fixed map frame needs an extent"));
    return m;
}

QJsonObject textToJson(const TextSettings& t)
{
    return QJsonObject{{QStringLiteral("text"), t.text},
                       {QStringLiteral("font"), t.fontFamily},
                       {QStringLiteral("size_pt"), t.fontSizePt},
                       {QStringLiteral("bold"), t.bold},
                       {QStringLiteral("italic"), t.italic},
                       {QStringLiteral("color"), t.color.name(QColor::HexArgb)},
                       {QStringLiteral("align"), t.align}};
}

TextSettings textFromJson(const QJsonObject& o, const QString& where)
{
    TextSettings t;
    Reader r(o, where + QStringLiteral(", text"));
    r.string("text", t.text);
    r.string("font", t.fontFamily);
    r.number("size_pt", t.fontSizePt, 1.0, 400.0);
    r.boolean("bold", t.bold);
    r.boolean("italic", t.italic);
    r.color("color", t.color);
    r.string("align", t.align);
    if (t.align != QLatin1String("left") && t.align != QLatin1String("center") && t.align != QLatin1String("right"))
        r.fail(QStringLiteral("align"), QStringLiteral("\"%1\" is not one of left, center, right").arg(t.align));
    return t;
}

} // namespace

QSizeF PageSetup::sizeMm() const
{
    const QSizeF portrait = paper == PaperSize::A4 ? QSizeF(210, 297) : QSizeF(297, 420);
    return orientation == Orientation::Portrait ? portrait : portrait.transposed();
}

QString paperSizeName(PaperSize p) { return nameOf(kPapers, p); }
std::optional<PaperSize> parsePaperSize(const QString& text) { return parse(kPapers, text); }
QString orientationName(Orientation o) { return nameOf(kOrientations, o); }
std::optional<Orientation> parseOrientation(const QString& text) { return parse(kOrientations, text); }
QString itemKindName(ItemKind k) { return nameOf(kItemKinds, k); }
std::optional<ItemKind> parseItemKind(const QString& text) { return parse(kItemKinds, text); }
QString extentModeName(ExtentMode m) { return nameOf(kExtentModes, m); }
std::optional<ExtentMode> parseExtentMode(const QString& text) { return parse(kExtentModes, text); }
QString gridKindName(GridKind g) { return nameOf(kGridKinds, g); }
std::optional<GridKind> parseGridKind(const QString& text) { return parse(kGridKinds, text); }

const LayoutItem* Layout::item(const QString& id) const
{
    for (const LayoutItem& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

LayoutItem* Layout::item(const QString& id)
{
    return const_cast<LayoutItem*>(std::as_const(*this).item(id));
}

const LayoutItem* Layout::mainMap() const
{
    for (const LayoutItem& i : items)
        if (i.kind == ItemKind::Map) return &i;
    return nullptr;
}

LayoutItem* Layout::mainMap()
{
    return const_cast<LayoutItem*>(std::as_const(*this).mainMap());
}

void Layout::validate() const
{
    const QSizeF page = this->page.sizeMm();
    QSet<QString> ids;
    for (std::size_t n = 0; n < items.size(); ++n) {
        const LayoutItem& i = items[n];
        const QString where = QStringLiteral("layout \"%1\", item %2 (\"%3\")").arg(name).arg(n + 1).arg(i.id);
        if (i.id.isEmpty()) throw LayoutError((where + QStringLiteral(": the item has no id")).toStdString());
        if (ids.contains(i.id)) throw LayoutError((where + QStringLiteral(": the id is used twice")).toStdString());
        ids.insert(i.id);
        if (!(i.rectMm.width() > 0 && i.rectMm.height() > 0))
            throw LayoutError((where + QStringLiteral(": field \"rect\": width and height must be positive")).toStdString());
        const double tol = 0.01;
        if (i.rectMm.left() < -tol || i.rectMm.top() < -tol || i.rectMm.right() > page.width() + tol ||
            i.rectMm.bottom() > page.height() + tol)
            throw LayoutError((where + QStringLiteral(": field \"rect\": lies outside the %1 × %2 mm page")
                                           .arg(page.width())
                                           .arg(page.height()))
                                  .toStdString());
    }
    for (std::size_t n = 0; n < items.size(); ++n) {
        const LayoutItem& i = items[n];
        const bool needsMap = i.kind == ItemKind::Legend || i.kind == ItemKind::ScaleBar ||
                              i.kind == ItemKind::NorthArrow || i.kind == ItemKind::Inset;
        if (!needsMap && i.mapId.isEmpty()) continue;
        const LayoutItem* m = item(i.mapId);
        if (!m || m->kind != ItemKind::Map)
            throw LayoutError(QStringLiteral("layout \"%1\", item %2 (\"%3\"): field \"map\": \"%4\" is not a map frame")
                                  .arg(name)
                                  .arg(n + 1)
                                  .arg(i.id, i.mapId)
                                  .toStdString());
    }
}

QJsonObject Layout::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("planmap-layout"));
    o.insert(QStringLiteral("version"), 1);
    o.insert(QStringLiteral("name"), name);
    if (!templateName.isEmpty()) o.insert(QStringLiteral("template"), templateName);
    o.insert(QStringLiteral("paper"), paperSizeName(page.paper));
    o.insert(QStringLiteral("orientation"), orientationName(page.orientation));
    QJsonArray arr;
    for (const LayoutItem& i : items) {
        QJsonObject io;
        io.insert(QStringLiteral("id"), i.id);
        io.insert(QStringLiteral("kind"), itemKindName(i.kind));
        io.insert(QStringLiteral("rect"), rectToJson(i.rectMm));
        if (!i.mapId.isEmpty()) io.insert(QStringLiteral("map_id"), i.mapId);
        if (i.frame) io.insert(QStringLiteral("frame"), true);
        switch (i.kind) {
        case ItemKind::Map: io.insert(QStringLiteral("map"), mapToJson(i.map)); break;
        case ItemKind::Text: io.insert(QStringLiteral("text"), textToJson(i.text)); break;
        case ItemKind::Legend:
            io.insert(QStringLiteral("legend"), QJsonObject{{QStringLiteral("title"), i.legend.title},
                                                            {QStringLiteral("size_pt"), i.legend.fontSizePt}});
            break;
        case ItemKind::ScaleBar:
            io.insert(QStringLiteral("scale_bar"), QJsonObject{{QStringLiteral("size_pt"), i.scaleBar.fontSizePt}});
            break;
        case ItemKind::IndicatorTable:
            io.insert(QStringLiteral("table"), QJsonObject{{QStringLiteral("title"), i.table.title},
                                                           {QStringLiteral("size_pt"), i.table.fontSizePt},
                                                           {QStringLiteral("max_rows"), i.table.maxRows}});
            break;
        case ItemKind::NorthArrow:
        case ItemKind::Inset:
        case ItemKind::Notice: break;
        }
        arr.append(io);
    }
    o.insert(QStringLiteral("items"), arr);
    return o;
}

Layout Layout::fromJson(const QJsonObject& o)
{
    Layout l;
    Reader r(o, QStringLiteral("layout"));
    r.string("name", l.name);
    Reader top(o, QStringLiteral("layout \"%1\"").arg(l.name));
    QString format;
    top.string("format", format);
    if (!format.isEmpty() && format != QLatin1String("planmap-layout"))
        top.fail(QStringLiteral("format"), QStringLiteral("\"%1\" is not a planmap layout").arg(format));
    double version = 1;
    top.number("version", version);
    if (version > 1) top.fail(QStringLiteral("version"), QStringLiteral("version %1 is newer than this planmap reads (1)").arg(version));
    top.string("template", l.templateName);
    top.choice("paper", kPapers, l.page.paper);
    top.choice("orientation", kOrientations, l.page.orientation);
    const QJsonArray items = top.array("items");
    for (qsizetype n = 0; n < items.size(); ++n) {
        const QString where = QStringLiteral("layout \"%1\", item %2").arg(l.name).arg(n + 1);
        if (!items[n].isObject()) throw LayoutError((where + QStringLiteral(": expected an object")).toStdString());
        const QJsonObject io = items[n].toObject();
        LayoutItem i;
        Reader ir(io, where);
        ir.string("id", i.id);
        Reader ri(io, where + QStringLiteral(" (\"%1\")").arg(i.id));
        if (!ri.has("kind")) ri.fail(QStringLiteral("kind"), QStringLiteral("missing"));
        ri.choice("kind", kItemKinds, i.kind);
        const auto rect = numbers(ri, "rect", ri.array("rect"), 4);
        i.rectMm = QRectF(rect[0], rect[1], rect[2], rect[3]);
        ri.string("map_id", i.mapId);
        ri.boolean("frame", i.frame);
        const QString itemWhere = where + QStringLiteral(" (\"%1\")").arg(i.id);
        switch (i.kind) {
        case ItemKind::Map: i.map = mapFromJson(ri.object("map"), itemWhere); break;
        case ItemKind::Text: i.text = textFromJson(ri.object("text"), itemWhere); break;
        case ItemKind::Legend: {
            const QJsonObject lo = ri.object("legend");
            Reader lr(lo, itemWhere + QStringLiteral(", legend"));
            lr.string("title", i.legend.title);
            lr.number("size_pt", i.legend.fontSizePt, 1.0, 100.0);
            break;
        }
        case ItemKind::ScaleBar: {
            const QJsonObject so = ri.object("scale_bar");
            Reader sr(so, itemWhere + QStringLiteral(", scale_bar"));
            sr.number("size_pt", i.scaleBar.fontSizePt, 1.0, 100.0);
            break;
        }
        case ItemKind::IndicatorTable: {
            const QJsonObject to = ri.object("table");
            Reader tr(to, itemWhere + QStringLiteral(", table"));
            tr.string("title", i.table.title);
            tr.number("size_pt", i.table.fontSizePt, 1.0, 100.0);
            tr.integer("max_rows", i.table.maxRows, 1, 500);
            break;
        }
        case ItemKind::NorthArrow:
        case ItemKind::Inset:
        case ItemKind::Notice: break;
        }
        l.items.push_back(std::move(i));
    }
    l.validate();
    return l;
}

QByteArray Layout::toJsonText() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Layout Layout::fromJsonText(const QByteArray& text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        throw LayoutError(QStringLiteral("layout JSON: %1 at character %2").arg(error.errorString()).arg(error.offset).toStdString());
    if (!doc.isObject()) throw LayoutError("layout JSON: expected an object");
    return fromJson(doc.object());
}

} // namespace planmap::layers::print
