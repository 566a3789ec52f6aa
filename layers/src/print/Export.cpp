#include "planmap/layers/print/Export.h"

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <chrono>
#include <cmath>
#include <system_error>

namespace planmap::layers::print {

namespace {

QString qpath(const std::filesystem::path& p)
{
    return QString::fromStdString(p.string());
}

QPageSize pageSize(const PageSetup& page)
{
    return QPageSize(page.paper == PaperSize::A4 ? QPageSize::A4 : QPageSize::A3);
}

QSize pixelSize(const PageSetup& page, double dpi)
{
    const QSizeF mm = page.sizeMm();
    return QSize(int(std::lround(mm.width() * dpi / 25.4)), int(std::lround(mm.height() * dpi / 25.4)));
}

/// A temporary file next to `target`, renamed onto it by commit(), removed otherwise.
class PendingFile {
public:
    explicit PendingFile(std::filesystem::path target) : target_(std::move(target))
    {
        const auto dir = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec))
            throw ExportError("cannot write " + target_.string() + ": the directory " + dir.string() + " does not exist");
        temp_ = target_;
        temp_ += ".partial";
    }
    ~PendingFile()
    {
        if (!done_) {
            std::error_code ec;
            std::filesystem::remove(temp_, ec);
        }
    }
    const std::filesystem::path& temp() const { return temp_; }
    void commit()
    {
        std::error_code ec;
        if (!std::filesystem::exists(temp_, ec) || std::filesystem::file_size(temp_, ec) == 0)
            throw ExportError("cannot write " + target_.string() + ": nothing was written");
        std::filesystem::rename(temp_, target_, ec);
        if (ec) throw ExportError("cannot write " + target_.string() + ": " + ec.message());
        done_ = true;
    }

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool done_ = false;
};

/// Counts the pages drawn and asks ExportOptions::progress whether to go on.
class PageProgress {
public:
    PageProgress(const std::function<bool(int, int)>& callback, int total, const std::filesystem::path& file)
        : callback_(callback), total_(total), file_(file)
    {
        report();
    }
    void pageDone()
    {
        ++done_;
        report();
    }

private:
    void report() const
    {
        if (callback_ && !callback_(done_, total_))
            throw ExportCancelled("export to " + file_.string() + " cancelled after " + std::to_string(done_) + " of " +
                                  std::to_string(total_) + " pages");
    }
    const std::function<bool(int, int)>& callback_;
    int total_;
    int done_ = 0;
    std::filesystem::path file_;
};

void writePdf(const Layout& layout, const LayoutRenderer& renderer, const std::vector<PageSpec>& pages,
              const std::filesystem::path& file, double dpi, const QString& title, ExportResult& result,
              PageProgress* progress)
{
    PendingFile out(file);
    {
        QPdfWriter writer(qpath(out.temp()));
        writer.setResolution(int(std::lround(dpi)));
        writer.setPageLayout(QPageLayout(pageSize(layout.page),
                                         layout.page.orientation == Orientation::Landscape ? QPageLayout::Landscape
                                                                                           : QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0)));
        writer.setCreator(QStringLiteral("planmap"));
        writer.setTitle(title);
        QPainter painter;
        if (!painter.begin(&writer)) throw ExportError("cannot write " + file.string() + ": the PDF cannot be opened");
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (i > 0 && !writer.newPage()) throw ExportError("cannot write " + file.string() + ": no new page");
            result.pages.push_back(renderer.render(layout, pages[i], painter, writer.resolution()));
            // Multi-page documents report each page; a single page counts once written.
            if (progress) progress->pageDone();
        }
        if (!painter.end()) throw ExportError("cannot write " + file.string() + ": the PDF could not be finished");
    }
    out.commit();
    result.files.push_back(file);
}

void writePng(const Layout& layout, const PrintContext& context, const PageSpec& page,
              const std::filesystem::path& file, double dpi, ExportResult& result)
{
    PageReport report;
    const QImage image = renderPageImage(layout, context, page, dpi, &report);
    PendingFile out(file);
    if (!image.save(qpath(out.temp()), "PNG")) throw ExportError("cannot write " + file.string());
    out.commit();
    result.files.push_back(file);
    result.pages.push_back(std::move(report));
}

void writeSvg(const Layout& layout, const LayoutRenderer& renderer, const PageSpec& page,
              const std::filesystem::path& file, double dpi, const QString& title, ExportResult& result)
{
    PendingFile out(file);
    {
        QSvgGenerator svg;
        svg.setFileName(qpath(out.temp()));
        const QSize size = pixelSize(layout.page, dpi);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(int(std::lround(dpi)));
        svg.setTitle(title);
        svg.setDescription(QStringLiteral("planmap print layout"));
        QPainter painter;
        if (!painter.begin(&svg)) throw ExportError("cannot write " + file.string());
        painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        result.pages.push_back(renderer.render(layout, page, painter, dpi));
        painter.end();
    }
    out.commit();
    result.files.push_back(file);
}

} // namespace

std::optional<ExportFormat> exportFormatFor(const std::filesystem::path& file)
{
    const QString ext = QString::fromStdString(file.extension().string()).toLower();
    if (ext == QLatin1String(".pdf")) return ExportFormat::Pdf;
    if (ext == QLatin1String(".png")) return ExportFormat::Png;
    if (ext == QLatin1String(".svg")) return ExportFormat::Svg;
    return std::nullopt;
}

std::optional<AtlasLevel> parseAtlasLevel(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("district") || t == QLatin1String("districts")) return AtlasLevel::District;
    if (t == QLatin1String("commune") || t == QLatin1String("communes")) return AtlasLevel::Commune;
    return std::nullopt;
}

std::vector<PageSpec> atlasPages(const PrintContext& context, AtlasLevel level)
{
    const std::vector<PrintUnit>& units = level == AtlasLevel::District ? context.districts : context.communes;
    std::vector<const PrintUnit*> sorted;
    for (const PrintUnit& u : units)
        if (!u.extent.isEmpty()) sorted.push_back(&u);
    std::stable_sort(sorted.begin(), sorted.end(), [](const PrintUnit* a, const PrintUnit* b) { return a->code < b->code; });
    std::vector<PageSpec> pages;
    for (std::size_t i = 0; i < sorted.size(); ++i) pages.push_back(PageSpec{sorted[i], int(i) + 1, int(sorted.size())});
    return pages;
}

std::filesystem::path pageFileName(const std::filesystem::path& file, int index, int count)
{
    const int width = std::max(2, int(std::to_string(std::max(count, 1)).size()));
    std::string n = std::to_string(index + 1);
    n.insert(0, std::size_t(std::max(0, width - int(n.size()))), '0');
    std::filesystem::path out = file.parent_path() / (file.stem().string() + "-" + n);
    out += file.extension();
    return out;
}

QImage renderPageImage(const Layout& layout, const PrintContext& context, const PageSpec& page, double dpi,
                       PageReport* report)
{
    layout.validate();
    QImage image(pixelSize(layout.page, dpi), QImage::Format_ARGB32_Premultiplied);
    const int dpm = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    PageReport r = LayoutRenderer(context).render(layout, page, painter, dpi);
    painter.end();
    if (report) *report = std::move(r);
    return image;
}

ExportResult exportLayout(const Layout& layout, const PrintContext& context, const std::vector<PageSpec>& pages,
                          const std::filesystem::path& file, const ExportOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    layout.validate();
    const std::optional<ExportFormat> format = options.format ? options.format : exportFormatFor(file);
    if (!format) throw ExportError("cannot write " + file.string() + ": the extension is not .pdf, .png or .svg");
    if (pages.empty()) throw ExportError("cannot write " + file.string() + ": no pages to print");
    const double dpi = options.dpi > 0 ? options.dpi
                       : *format == ExportFormat::Pdf ? 300.0
                       : *format == ExportFormat::Png ? 150.0
                                                      : 96.0;
    if (dpi < 10 || dpi > 2400) throw ExportError("cannot write " + file.string() + ": the DPI must be within 10…2400");
    const LayoutRenderer renderer(context);
    const QString title = context.expand(QStringLiteral("{plan} — {province}"), {});
    ExportResult result;
    const int n = int(pages.size());
    PageProgress progress(options.progress, n, file);
    const bool split = n > 1 && (options.onePerFile || *format != ExportFormat::Pdf);
    for (int i = 0; i < (split ? n : 1); ++i) {
        const std::filesystem::path target = split ? pageFileName(file, i, n) : file;
        switch (*format) {
        case ExportFormat::Pdf:
            if (split) {
                writePdf(layout, renderer, {pages[std::size_t(i)]}, target, dpi, title, result, nullptr);
                progress.pageDone();
            } else {
                writePdf(layout, renderer, pages, target, dpi, title, result, n > 1 ? &progress : nullptr);
                if (n == 1) progress.pageDone();
            }
            break;
        case ExportFormat::Png:
            writePng(layout, context, pages[std::size_t(i)], target, dpi, result);
            progress.pageDone();
            break;
        case ExportFormat::Svg:
            writeSvg(layout, renderer, pages[std::size_t(i)], target, dpi, title, result);
            progress.pageDone();
            break;
        }
    }
    result.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace planmap::layers::print
