#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

namespace planmap::gui {

/// Numbers and dates are shown the Vietnamese way whatever the UI language:
/// 1.238.075 and 1.234,5; dates dd/MM/yyyy.
QLocale numberLocale();
QString formatInteger(qint64 value);
/// Up to `maxDecimals` decimals, trailing zeros removed: 1.234,5.
QString formatNumber(double value, int maxDecimals = 2);
/// "1:250.000".
QString formatScale(double denominator);
QString formatDate(const QDate& date);
/// Percent with one decimal: "87,5 %".
QString formatPercent(double percent);
/// Parses "1:250.000", "250000", "1:250 000" into 250000; 0 if not a scale.
double parseScale(const QString& text);

} // namespace planmap::gui
