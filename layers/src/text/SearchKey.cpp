#include "planmap/layers/text/SearchKey.h"

#include <QString>

namespace planmap::layers {

namespace {
bool isCombiningMark(QChar c)
{
    const auto category = c.category();
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing;
}
} // namespace

std::string searchKey(std::string_view utf8)
{
    const QString decomposed = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()))
                                   .toLower()
                                   .normalized(QString::NormalizationForm_D);
    QString key;
    key.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        if (isCombiningMark(c)) continue;
        if (c.isSpace()) {
            pendingSpace = !key.isEmpty();
            continue;
        }
        if (pendingSpace) {
            key += QLatin1Char(' ');
            pendingSpace = false;
        }
        // đ (U+0111) has no canonical decomposition (Đ was lower-cased above).
        key += c == QChar(0x0111) ? QChar(QLatin1Char('d')) : c;
    }
    return key.toStdString();
}

} // namespace planmap::layers
