#pragma once

#include "planmap/layers/print/LayoutRenderer.h"

#include <QImage>
#include <QString>

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

/// \file
/// Writing layouts to files: vector PDF (QPdfWriter: text stays text,
/// fonts embedded, polygons stay vectors), PNG and SVG at a chosen DPI, one
/// page or an atlas (a page per district or commune) into one multi-page
/// PDF or one file per page. Files are written under a temporary name and
/// renamed into place, so a failed export leaves nothing half-written.

namespace planmap::layers::print {

class ExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The export was stopped through ExportOptions::progress.
class ExportCancelled : public ExportError {
public:
    using ExportError::ExportError;
};

enum class ExportFormat { Pdf, Png, Svg };
/// From the file extension (.pdf, .png, .svg; any case); nullopt otherwise.
std::optional<ExportFormat> exportFormatFor(const std::filesystem::path& file);

enum class AtlasLevel {
    District,  ///< the districts of 2023 (Lạng Sơn: 11)
    Commune,   ///< the communes of 2025 (Lạng Sơn: 65)
};
std::optional<AtlasLevel> parseAtlasLevel(const QString& text);  ///< "district", "commune"

/// One page per unit of the level, ordered by code, numbered 1…n.
std::vector<PageSpec> atlasPages(const PrintContext& context, AtlasLevel level);

struct ExportOptions {
    std::optional<ExportFormat> format;  ///< default: from the file extension
    /// PDF: resolution of the vector coordinates (default 300); PNG: pixels
    /// per inch (default 150); SVG: user units per inch (default 96).
    double dpi = 0.0;
    /// PDF: one file per page instead of one multi-page document (PNG and
    /// SVG always write one file per page). Files are named STEM-NN.EXT.
    bool onePerFile = false;
    /// Called before the first page (0) and after each page drawn (1…total),
    /// from the exporting thread. Returning false stops the export: it
    /// throws ExportCancelled, the file being written is removed (files of
    /// earlier pages written one per file stay).
    std::function<bool(int done, int total)> progress;
};

struct ExportResult {
    std::vector<std::filesystem::path> files;
    std::vector<PageReport> pages;
    double milliseconds = 0.0;
};

/// Writes `pages` of `layout` to `file` (or STEM-NN.EXT per page). Throws
/// ExportError naming the file when it cannot be written, LayoutError for
/// an invalid layout.
ExportResult exportLayout(const Layout& layout, const PrintContext& context, const std::vector<PageSpec>& pages,
                          const std::filesystem::path& file, const ExportOptions& options = {});

/// One page as an image (white background, DPI recorded in the image).
QImage renderPageImage(const Layout& layout, const PrintContext& context, const PageSpec& page, double dpi,
                       PageReport* report = nullptr);

/// The file of page `index` (0-based) of `count` when pages go to separate files.
std::filesystem::path pageFileName(const std::filesystem::path& file, int index, int count);

} // namespace planmap::layers::print
