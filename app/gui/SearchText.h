#pragma once

#include <QString>

namespace planmap::gui {

/// The accent- and case-free form of a text for matching ("Lộc Bình" →
/// "loc binh"): layers::searchKey() (the store's own key) for QString.
QString foldForSearch(const QString& text);

} // namespace planmap::gui
