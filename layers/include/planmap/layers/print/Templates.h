#pragma once

#include "planmap/layers/print/Layout.h"

#include <QString>

#include <optional>
#include <vector>

/// \file
/// The built-in layouts. Each is computed from the page size, so every
/// template works in portrait and landscape; its texts are placeholders
/// ({plan}, {unit}, …) filled from the project when printed.

namespace planmap::layers::print {

struct TemplateInfo {
    QString name;          ///< "briefing-a4"
    QString titleVi;       ///< "Bản đồ báo cáo A4"
    QString description;   ///< one line, English
    PageSetup defaultPage;
};

/// briefing-a4 (A4 landscape: map, side panel with legend, locator inset,
/// indicator table), wall-a3 (A3 landscape wall map with coordinate grid),
/// district-a4 (A4 portrait sheet of one unit with its indicator table).
const std::vector<TemplateInfo>& templates();
const TemplateInfo* findTemplate(const QString& name);

/// The layout of a template, in its default orientation or the one given.
/// Throws LayoutError for an unknown template name (listing the known ones).
Layout makeTemplate(const QString& name, std::optional<Orientation> orientation = std::nullopt,
                    std::optional<PaperSize> paper = std::nullopt);

} // namespace planmap::layers::print
