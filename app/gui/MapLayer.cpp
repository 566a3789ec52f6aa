#include "MapLayer.h"

#include "Formats.h"

#include <QCoreApplication>
#include <QDate>

namespace planmap::gui {

QString MapLayer::valueText(const QString& field, const QVariant& value) const
{
    if (!valueLabels.isEmpty() && !value.isNull()) {
        const auto it = valueLabels.constFind(field + QChar(0x1f) + value.toString());
        if (it != valueLabels.constEnd()) return *it;
    }
    return displayValue(value);
}

QString displayValue(const QVariant& value)
{
    if (!value.isValid() || value.isNull()) return {};
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return formatInteger(value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return formatNumber(value.toDouble());
    case QMetaType::Bool:
        return value.toBool() ? QCoreApplication::translate("planmap::gui::MapLayer", "Có")
                              : QCoreApplication::translate("planmap::gui::MapLayer", "Không");
    case QMetaType::QDate:
        return formatDate(value.toDate());
    case QMetaType::QString: {
        const QString s = value.toString();
        // ISO dates as stored in the project.
        if (s.size() == 10 && s[4] == u'-' && s[7] == u'-') {
            const QDate d = QDate::fromString(s, Qt::ISODate);
            if (d.isValid()) return formatDate(d);
        }
        return s;
    }
    default:
        return value.toString();
    }
}

} // namespace planmap::gui
