#include "SearchBox.h"

#include <QAbstractItemView>
#include <QCompleter>

namespace planmap::gui {

SearchBox::SearchBox(QWidget* parent) : QLineEdit(parent), completer_(new QCompleter(this))
{
    setPlaceholderText(tr("Tìm xã, huyện, thôn, chợ, công trình…"));
    setClearButtonEnabled(true);
    setMinimumWidth(280);
    completer_->setModel(&model_);
    completer_->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer_->setCompletionRole(Qt::EditRole);
    completer_->setMaxVisibleItems(12);
    completer_->setWidget(this);

    timer_.setSingleShot(true);
    timer_.setInterval(150);
    connect(&timer_, &QTimer::timeout, this, &SearchBox::searchNow);
    connect(this, &QLineEdit::textEdited, this, [this] { timer_.start(); });
    connect(completer_, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) { choose(index.row()); });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (timer_.isActive() || model_.query() != text()) searchNow();
        if (model_.rowCount() > 0) choose(0);
    });
}

void SearchBox::searchNow()
{
    timer_.stop();
    model_.setQuery(text());
    if (model_.rowCount() > 0 && isVisible()) {
        completer_->complete();
    } else {
        completer_->popup()->hide();
    }
}

void SearchBox::choose(int row)
{
    if (row < 0 || row >= model_.rowCount()) return;
    const SearchHit hit = model_.hit(row);
    completer_->popup()->hide();
    setText(hit.title);
    emit hitChosen(hit);
}

} // namespace planmap::gui
