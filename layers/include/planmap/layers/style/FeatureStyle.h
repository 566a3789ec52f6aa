#pragma once

#include "planmap/layers/style/Classification.h"
#include "planmap/layers/style/ColorRamp.h"
#include "planmap/layers/style/GeometryKind.h"
#include "planmap/layers/style/LegendItem.h"
#include "planmap/layers/style/Symbol.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <optional>
#include <span>
#include <vector>

namespace planmap::layers::style {

enum class StyleKind { SingleSymbol, Categorized, Graduated };

/// One category of a categorized style: features whose field equals `value`.
/// Values match by their text form (QVariant::toString()), so 1 and "1" match.
struct Category {
    QVariant value;
    QString label;
    Symbol symbol;
    bool operator==(const Category&) const = default;
};

/// One class of a graduated style: lower <= value <= upper (the first
/// matching range wins, so a value on a break goes to the lower class).
struct ClassRange {
    double lower = 0.0;
    double upper = 0.0;
    QString label;
    Symbol symbol;
    bool operator==(const ClassRange&) const = default;
};

/// How the features of a layer are drawn: one symbol for all, one per
/// category of a field, or one per class of a numeric field.
///
/// Symbols are addressed by index: symbolIndex(value) gives the index into
/// symbolCount()/symbolAt() (-1: not drawn). For SingleSymbol the only index
/// is 0; for Categorized the categories come first, then the "other values"
/// symbol if any; for Graduated the ranges, then the "other values" symbol.
class FeatureStyle {
public:
    StyleKind kind = StyleKind::SingleSymbol;
    Symbol symbol;                      ///< single symbol; template for the others
    QString field;                      ///< categorized / graduated: the attribute
    std::vector<Category> categories;   ///< categorized
    std::vector<ClassRange> ranges;     ///< graduated, ascending
    std::optional<Symbol> otherSymbol;  ///< values matching nothing (incl. null); none = not drawn
    QString otherLabel;                 ///< legend label of otherSymbol (default "Khác")
    // How `ranges` were made (kept so the GUI can re-classify):
    ClassificationMethod method = ClassificationMethod::EqualInterval;
    QString rampName;                   ///< ramp / palette used
    int labelDecimals = 0;              ///< decimals of generated range labels

    static FeatureStyle singleSymbol(const Symbol& s);
    /// One category per distinct value of `values` (in the order given,
    /// duplicates removed, nulls skipped), coloured from `palette`
    /// (qualitative: cycled; otherwise sampled evenly) on top of `base`.
    static FeatureStyle categorized(const QString& field, std::span<const QVariant> values,
                                    const ColorRamp& palette, const Symbol& base = {});
    /// Classes of `values` (NaN ignored) by `method`, coloured from `ramp`.
    /// Range labels use Vietnamese number format ("1.238,5 – 2.000").
    static FeatureStyle graduated(const QString& field, std::span<const double> values, int classes,
                                  ClassificationMethod method, const ColorRamp& ramp,
                                  const Symbol& base = {}, int labelDecimals = 0);
    /// Graduated with breaks given by the user (b.size() >= 2, ascending).
    static FeatureStyle graduatedManual(const QString& field, std::span<const double> breaks,
                                        const ColorRamp& ramp, const Symbol& base = {},
                                        int labelDecimals = 0);

    int symbolCount() const;
    const Symbol& symbolAt(int index) const;
    /// Index of the symbol for a feature whose `field` has `value` (ignored
    /// for SingleSymbol); -1 if the feature is not drawn.
    int symbolIndex(const QVariant& value) const;
    /// Index for a numeric value (graduated; categorized compares the text form).
    int symbolIndexForNumber(double value) const;

    /// One legend entry per symbol, in symbol index order.
    std::vector<LegendItem> legend(GeometryKind kind) const;

    QJsonObject toJson() const;
    static FeatureStyle fromJson(const QJsonObject& o);  ///< throws StyleError

    bool operator==(const FeatureStyle&) const = default;
};

QString styleKindName(StyleKind k);
StyleKind styleKindFromName(const QString& name);  ///< throws StyleError

/// Formats a number the Vietnamese way: '.' thousands, ',' decimals.
QString formatNumberVi(double v, int decimals);

} // namespace planmap::layers::style
