#include "planmap/layers/print/Templates.h"

namespace planmap::layers::print {

namespace {

struct Style {
    double margin = 10.0;      ///< page margin, mm
    double scale = 1.0;        ///< type size factor
    GridKind grid = GridKind::None;
    int tableRows = 12;
};

LayoutItem text(const QString& id, const QRectF& r, const QString& content, double pt, bool bold = false,
                const QString& align = QStringLiteral("left"), const QString& family = QStringLiteral("Noto Sans"))
{
    LayoutItem i;
    i.id = id;
    i.kind = ItemKind::Text;
    i.rectMm = r;
    i.text.text = content;
    i.text.fontSizePt = pt;
    i.text.bold = bold;
    i.text.align = align;
    i.text.fontFamily = family;
    return i;
}

LayoutItem item(const QString& id, ItemKind kind, const QRectF& r, const QString& mapId = QStringLiteral("map"))
{
    LayoutItem i;
    i.id = id;
    i.kind = kind;
    i.rectMm = r;
    if (kind != ItemKind::Map && kind != ItemKind::Text && kind != ItemKind::IndicatorTable) i.mapId = mapId;
    return i;
}

/// Title block, map frame, the furniture around it and the footer, laid
/// out for the page's orientation.
Layout build(const QString& name, const PageSetup& page, const Style& st)
{
    const QSizeF size = page.sizeMm();
    const double W = size.width(), H = size.height(), m = st.margin, k = st.scale;
    Layout l;
    l.name = name;
    l.templateName = name;
    l.page = page;

    const double titleH = 9.0 * k, subtitleH = 9.0 * k, footerH = 7.0 * k;
    l.items.push_back(text(QStringLiteral("title"), QRectF(m, m, W - 2 * m, titleH), QStringLiteral("{plan}"), 16 * k,
                           true, QStringLiteral("center"), QStringLiteral("Noto Serif")));
    l.items.push_back(text(QStringLiteral("subtitle"), QRectF(m, m + titleH, W - 2 * m, subtitleH),
                           QStringLiteral("{program}"), 8.5 * k, false, QStringLiteral("center")));
    const double top = m + titleH + subtitleH + 2.0;
    const double bottom = H - m - footerH;
    const double gap = 4.0;

    LayoutItem map = item(QStringLiteral("map"), ItemKind::Map, {});
    map.map.grid = st.grid;
    LayoutItem table = item(QStringLiteral("indicators"), ItemKind::IndicatorTable, {});
    table.table.fontSizePt = 6.5 * k;
    table.table.maxRows = st.tableRows;
    LayoutItem legend = item(QStringLiteral("legend"), ItemKind::Legend, {});
    legend.legend.fontSizePt = 7.5 * k;
    LayoutItem scaleBar = item(QStringLiteral("scale_bar"), ItemKind::ScaleBar, {});
    scaleBar.scaleBar.fontSizePt = 6.5 * k;
    LayoutItem north = item(QStringLiteral("north_arrow"), ItemKind::NorthArrow, {});
    LayoutItem inset = item(QStringLiteral("inset"), ItemKind::Inset, {});
    LayoutItem notice = item(QStringLiteral("notice"), ItemKind::Notice, {});
    LayoutItem heading = text(QStringLiteral("unit"), {}, QStringLiteral("{unit}"), 12 * k, true);

    if (page.orientation == Orientation::Landscape) {
        const double mapW = (W - 2 * m) * 0.64;
        map.rectMm = QRectF(m, top, mapW, bottom - top);
        const double px = m + mapW + gap, pw = W - m - px;
        double y = top;
        heading.rectMm = QRectF(px, y, pw, 8 * k);
        y += 8 * k + 1;
        scaleBar.rectMm = QRectF(px, y, pw - 14 * k, 12 * k);
        north.rectMm = QRectF(px + pw - 12 * k, y, 12 * k, 14 * k);
        y += 14 * k + 1;
        const double insetH = std::min(pw * 0.62, (bottom - top) * 0.3);
        inset.rectMm = QRectF(px, y, pw, insetH);
        y += insetH + 2;
        const double noticeH = 11 * k;
        const double rest = bottom - noticeH - 2 - y;
        legend.rectMm = QRectF(px, y, pw, rest * 0.5);
        y += rest * 0.5 + 1;
        table.rectMm = QRectF(px, y, pw, rest * 0.5 - 1);
        notice.rectMm = QRectF(px, bottom - noticeH, pw, noticeH);
    } else {
        const double mapH = (bottom - top) * 0.6;
        map.rectMm = QRectF(m, top, W - 2 * m, mapH);
        const double y0 = top + mapH + gap;
        const double leftW = (W - 2 * m) * 0.42, rx = m + leftW + gap, rw = W - m - rx;
        double y = y0;
        scaleBar.rectMm = QRectF(m, y, leftW - 14 * k, 12 * k);
        north.rectMm = QRectF(m + leftW - 12 * k, y, 12 * k, 14 * k);
        y += 14 * k + 1;
        const double noticeH = 11 * k;
        legend.rectMm = QRectF(m, y, leftW, bottom - noticeH - 2 - y);
        notice.rectMm = QRectF(m, bottom - noticeH, leftW, noticeH);
        double ry = y0;
        heading.rectMm = QRectF(rx, ry, rw, 8 * k);
        ry += 8 * k + 1;
        const double insetH = std::min(rw * 0.45, (bottom - y0) * 0.4);
        inset.rectMm = QRectF(rx + (rw - insetH * 1.3) , ry, insetH * 1.3, insetH);
        ry += insetH + 2;
        table.rectMm = QRectF(rx, ry, rw, bottom - ry);
    }
    l.items.push_back(map);
    l.items.push_back(heading);
    l.items.push_back(scaleBar);
    l.items.push_back(north);
    l.items.push_back(inset);
    l.items.push_back(legend);
    l.items.push_back(table);
    l.items.push_back(notice);
    const double fy = bottom + 1.5;
    l.items.push_back(text(QStringLiteral("sources"), QRectF(m, fy, (W - 2 * m) * 0.68, footerH - 1.5),
                           QStringLiteral("Nguồn dữ liệu: {sources}. Chỉ tiêu: {plan}."), 5.5 * k));
    l.items.push_back(text(QStringLiteral("footer"), QRectF(m + (W - 2 * m) * 0.7, fy, (W - 2 * m) * 0.3, footerH - 1.5),
                           QStringLiteral("Ngày in: {date} · {crs} · Trang {page}/{pages}"), 5.5 * k, false,
                           QStringLiteral("right")));
    return l;
}

Style styleOf(const QString& name, PaperSize paper)
{
    Style st;
    if (paper == PaperSize::A3) {
        st.margin = 12.0;
        st.scale = 1.3;
        st.tableRows = 20;
    }
    if (name == QLatin1String("wall-a3")) st.grid = GridKind::Projected;
    if (name == QLatin1String("district-a4")) st.grid = GridKind::Graticule;
    return st;
}

} // namespace

const std::vector<TemplateInfo>& templates()
{
    static const std::vector<TemplateInfo> list{
        {QStringLiteral("briefing-a4"), QStringLiteral("Bản đồ báo cáo A4"),
         QStringLiteral("A4 landscape briefing map: map, legend, locator, scale, north arrow, indicator table"),
         {PaperSize::A4, Orientation::Landscape}},
        {QStringLiteral("wall-a3"), QStringLiteral("Bản đồ treo tường A3"),
         QStringLiteral("A3 landscape wall map with the VN-2000 coordinate grid"), {PaperSize::A3, Orientation::Landscape}},
        {QStringLiteral("district-a4"), QStringLiteral("Bản đồ đơn vị A4"),
         QStringLiteral("A4 portrait sheet of one district or commune with a graticule and its indicators"),
         {PaperSize::A4, Orientation::Portrait}},
    };
    return list;
}

const TemplateInfo* findTemplate(const QString& name)
{
    for (const TemplateInfo& t : templates())
        if (t.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) return &t;
    return nullptr;
}

Layout makeTemplate(const QString& name, std::optional<Orientation> orientation, std::optional<PaperSize> paper)
{
    const TemplateInfo* t = findTemplate(name);
    if (!t) {
        QStringList names;
        for (const TemplateInfo& i : templates()) names << i.name;
        throw LayoutError(QStringLiteral("unknown template \"%1\" (templates: %2)")
                              .arg(name, names.join(QStringLiteral(", ")))
                              .toStdString());
    }
    PageSetup page = t->defaultPage;
    if (orientation) page.orientation = *orientation;
    if (paper) page.paper = *paper;
    Layout l = build(t->name, page, styleOf(t->name, page.paper));
    l.validate();
    return l;
}

} // namespace planmap::layers::print
