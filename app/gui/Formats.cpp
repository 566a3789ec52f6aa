#include "Formats.h"

#include <QRegularExpression>

#include <cmath>

namespace planmap::gui {

QLocale numberLocale()
{
    QLocale l(QLocale::Vietnamese, QLocale::Vietnam);
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l;
}

QString formatInteger(qint64 value)
{
    return numberLocale().toString(value);
}

QString formatNumber(double value, int maxDecimals)
{
    if (!std::isfinite(value)) return QStringLiteral("–");
    QString s = numberLocale().toString(value, 'f', maxDecimals);
    const QChar dp = numberLocale().decimalPoint().at(0);
    if (maxDecimals > 0 && s.contains(dp)) {
        while (s.endsWith(u'0')) s.chop(1);
        if (s.endsWith(dp)) s.chop(1);
    }
    if (s == QStringLiteral("-0")) s = QStringLiteral("0");
    return s;
}

QString formatScale(double denominator)
{
    if (!(denominator > 0) || !std::isfinite(denominator)) return QStringLiteral("1:–");
    return QStringLiteral("1:") + formatInteger(qint64(std::llround(denominator)));
}

QString formatDate(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString formatPercent(double percent)
{
    if (!std::isfinite(percent)) return QStringLiteral("–");
    return numberLocale().toString(percent, 'f', 1) + QStringLiteral(" %");
}

double parseScale(const QString& text)
{
    QString t = text.trimmed();
    if (t.startsWith(QStringLiteral("1:"))) t = t.mid(2);
    t.remove(QRegularExpression(QStringLiteral("[\\s.,\\x{00a0}]")));
    bool ok = false;
    const double v = t.toDouble(&ok);
    return ok && v > 0 ? v : 0.0;
}

} // namespace planmap::gui
