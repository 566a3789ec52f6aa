#include "AnalysisWidgets.h"

#include "AnalysisRunner.h"
#include "Formats.h"

#include "planmap/layers/analysis/AnalysisRun.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QFileInfo>
#include <QVBoxLayout>

#include <algorithm>

namespace planmap::gui {

AnalysisRunBar::AnalysisRunBar(AnalysisRunner* runner, QWidget* parent)
    : QWidget(parent),
      run_(new QPushButton(tr("Chạy phân tích"), this)),
      cancel_(new QPushButton(tr("Hủy"), this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this))
{
    run_->setDefault(true);
    cancel_->setEnabled(false);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(14);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(progress_);
    layout->addWidget(status_);

    connect(run_, &QPushButton::clicked, this, &AnalysisRunBar::runRequested);
    connect(cancel_, &QPushButton::clicked, runner, &AnalysisRunner::cancel);
    connect(runner, &AnalysisRunner::started, this, [this] {
        setRunning(true);
        progress_->setValue(0);
    });
    connect(runner, &AnalysisRunner::progressed, this, [this](const QString& stage, double fraction) {
        setRunning(true);
        progress_->setValue(int(fraction * 1000.0));
        status_->setStyleSheet(QString());
        status_->setText(stage);
    });
    connect(runner, &AnalysisRunner::finished, this, [this] {
        setRunning(false);
        progress_->setValue(1000);
    });
    connect(runner, &AnalysisRunner::cancelled, this, [this] {
        setRunning(false);
        progress_->setValue(0);
        setMessage(tr("Đã hủy: không có kết quả mới."));
    });
    connect(runner, &AnalysisRunner::failed, this, [this](const QString& message) {
        setRunning(false);
        progress_->setValue(0);
        setMessage(tr("Không chạy được phân tích: %1").arg(message), true);
    });
}

void AnalysisRunBar::setRunning(bool running)
{
    run_->setEnabled(!running);
    cancel_->setEnabled(running);
}

void AnalysisRunBar::setMessage(const QString& text, bool error)
{
    status_->setStyleSheet(error ? QStringLiteral("color: #b01b26;") : QString());
    status_->setText(text);
}

IllustrativeBanner::IllustrativeBanner(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setStyleSheet(QStringLiteral("QLabel { color: #8f0026; background: #fff3ee; border: 1px solid #ef4b38; "
                                 "border-radius: 3px; padding: 3px 6px; font-weight: bold; }"));
    hide();
}

void IllustrativeBanner::showFor(bool illustrative, const std::vector<std::string>& sources)
{
    if (!illustrative) {
        hide();
        return;
    }
    QString text = tr("KẾT QUẢ MINH HỌA: tính từ dữ liệu minh họa, không phải số liệu thật.");
    QStringList parts;
    for (const std::string& s : sources) parts << QString::fromStdString(s);
    if (!parts.isEmpty()) text += QLatin1Char(' ') + parts.join(QStringLiteral("; "));
    setText(text);
    show();
}

void setUpResultView(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
}

QTableWidget* makeResultTable(const QStringList& headers, QWidget* parent)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUpResultView(t);
    return t;
}

void fillTable(QTableWidget* table, const std::vector<QStringList>& rows, const std::vector<int>& numericColumns)
{
    table->setRowCount(0);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const QStringList& cells = rows[std::size_t(r)];
        for (int c = 0; c < int(cells.size()) && c < table->columnCount(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (std::find(numericColumns.begin(), numericColumns.end(), c) != numericColumns.end())
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(r, c, item);
        }
    }
    table->resizeColumnsToContents();
}

void exportResultTables(QWidget* parent, const layers::analysis::ResultTables& tables, const QString& baseName)
{
    QString selected;
    const QString file = QFileDialog::getSaveFileName(
        parent, QObject::tr("Xuất kết quả phân tích"), baseName + QStringLiteral(".xlsx"),
        QObject::tr("Bảng tính Excel (*.xlsx);;GeoPackage (*.gpkg);;CSV, bảng chính (*.csv)"), &selected);
    if (file.isEmpty()) return;
    QString path = file;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains(QStringLiteral("gpkg")) ? QStringLiteral(".gpkg")
                : selected.contains(QStringLiteral("csv")) ? QStringLiteral(".csv")
                                                            : QStringLiteral(".xlsx");
    try {
        layers::analysis::exportTables(path.toStdString(), tables);
    } catch (const std::exception& e) {
        QMessageBox::warning(parent, QObject::tr("Xuất kết quả phân tích"),
                             QObject::tr("Không ghi được %1:\n%2").arg(path, QString::fromUtf8(e.what())));
    }
}

QString kmText(const std::optional<double>& metres)
{
    if (!metres) return QStringLiteral("—");
    return numberLocale().toString(*metres / 1000.0, 'f', 1);
}

QString haText(double ha)
{
    return numberLocale().toString(ha, 'f', 2);
}

} // namespace planmap::gui
