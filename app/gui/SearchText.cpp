#include "SearchText.h"

#include "planmap/layers/text/SearchKey.h"

namespace planmap::gui {

QString foldForSearch(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return QString::fromStdString(layers::searchKey(std::string_view(utf8.constData(), std::size_t(utf8.size()))));
}

} // namespace planmap::gui
