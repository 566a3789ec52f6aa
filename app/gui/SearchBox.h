#pragma once

#include "SearchModel.h"

#include <QLineEdit>
#include <QTimer>

class QCompleter;

namespace planmap::gui {

/// The search field of the toolbar: searches as one types (accent- and
/// case-insensitive, through ProjectData::search) and lists the results in
/// a completer popup; choosing one emits hitChosen().
class SearchBox : public QLineEdit {
    Q_OBJECT
public:
    explicit SearchBox(QWidget* parent = nullptr);

    SearchModel* model() { return &model_; }
    void setSearchFunction(SearchModel::SearchFunction search) { model_.setSearchFunction(std::move(search)); }
    /// Searches now (without waiting for the typing pause) and shows the popup.
    void searchNow();

signals:
    void hitChosen(const planmap::gui::SearchHit& hit);

private:
    void choose(int row);

    SearchModel model_;
    QCompleter* completer_;
    QTimer timer_;
};

} // namespace planmap::gui
