#include "DashboardWidget.h"

#include "Formats.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace planmap::gui {

namespace {

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setLocale(numberLocale());
    chart->setLocalizeNumbers(true); // 1.238.075 and 87,5 in axes and labels
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont f = chart->titleFont();
    f.setBold(true);
    chart->setTitleFont(f);
    return chart;
}

QChartView* newView(QWidget* parent)
{
    auto* view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 260);
    return view;
}

/// A round upper bound for a value axis: 1, 2 or 5 × 10^n.
double niceMax(double value)
{
    if (!(value > 0)) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (value <= m * p) return m * p;
    return 10 * p;
}

} // namespace

DashboardWidget::DashboardWidget(layers::ProjectStore& store, QWidget* parent) : QWidget(parent), data_(store)
{
    setWindowTitle(tr("Bảng tổng hợp tiến độ"));
    auto* layout = new QVBoxLayout(this);
    notice_ = new QLabel(this);
    notice_->setWordWrap(true);
    notice_->setStyleSheet(QStringLiteral("color: #b2182b; font-weight: bold;"));
    layout->addWidget(notice_);

    auto* grid = new QGridLayout;
    projectView_ = newView(this);
    grid->addWidget(projectView_, 0, 0, 2, 1);
    auto* districtBox = new QVBoxLayout;
    auto* pick = new QHBoxLayout;
    indicatorBox_ = new QComboBox(this);
    indicatorBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    indicatorBox_->setMinimumContentsLength(40);
    pick->addWidget(new QLabel(tr("Chỉ tiêu:"), this));
    pick->addWidget(indicatorBox_, 1);
    districtBox->addLayout(pick);
    districtView_ = newView(this);
    districtBox->addWidget(districtView_, 1);
    grid->addLayout(districtBox, 0, 1);
    fundingView_ = newView(this);
    grid->addWidget(fundingView_, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid, 1);

    connect(indicatorBox_, &QComboBox::currentIndexChanged, this, [this](int) { buildDistrictChart(); });
    refresh();
}

DashboardWidget::~DashboardWidget() = default;

void DashboardWidget::refresh()
{
    const std::int64_t current = indicator();
    data_.refresh();
    {
        const QSignalBlocker block(indicatorBox_);
        indicatorBox_->clear();
        for (const auto& c : data_.districtIndicators())
            indicatorBox_->addItem(c.code + QStringLiteral(" – ") + c.name, QVariant::fromValue(c.id));
        int keep = indicatorBox_->findData(QVariant::fromValue(current));
        // Else the first indicator some district has reported.
        for (int i = 0; keep < 0 && i < indicatorBox_->count(); ++i) {
            const auto figures = data_.districts(indicatorBox_->itemData(i).toLongLong());
            if (std::any_of(figures.begin(), figures.end(), [](const DistrictFigure& f) { return f.value.has_value(); })) keep = i;
        }
        indicatorBox_->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    notice_->setText(data_.illustrative()
                         ? tr("(*) Có số liệu minh họa (không phải số liệu thật): các cột đánh dấu * dựa trên số liệu minh họa.")
                         : QString());
    notice_->setVisible(data_.illustrative());
    buildProjectChart();
    buildDistrictChart();
    buildFundingChart();
}

void DashboardWidget::setIndicator(std::int64_t indicatorId)
{
    const int i = indicatorBox_->findData(QVariant::fromValue(indicatorId));
    if (i >= 0) indicatorBox_->setCurrentIndex(i);
}

std::int64_t DashboardWidget::indicator() const
{
    return indicatorBox_->currentIndex() >= 0 ? indicatorBox_->currentData().toLongLong() : 0;
}

void DashboardWidget::buildProjectChart()
{
    QChart* chart = newChart(tr("Tỷ lệ đạt chỉ tiêu theo dự án, toàn tỉnh (%)"));
    auto* series = new QHorizontalBarSeries;
    projectSet_ = new QBarSet(tr("% đạt (bình quân các chỉ tiêu có số liệu)"));
    projectSet_->setColor(QColor(0x2c, 0x7f, 0xb8));
    projectCategories_.clear();
    // Top to bottom in plan order: a horizontal bar chart draws its first category at the bottom.
    const auto& projects = data_.projects();
    for (auto it = projects.rbegin(); it != projects.rend(); ++it) {
        projectCategories_ << it->label + (it->illustrative ? QStringLiteral(" *") : QString())
                + QStringLiteral(" (%1/%2)").arg(it->measured).arg(it->indicators);
        *projectSet_ << it->percent.value_or(0);
    }
    series->append(projectSet_);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(3);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(projectCategories_);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto* values = new QValueAxis;
    values->setRange(0, 100);
    values->setTickCount(6);
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setTitleText(tr("% chỉ tiêu kế hoạch (số chỉ tiêu có số liệu / có chỉ tiêu)"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->hide();
    QChart* old = projectView_->chart();
    projectView_->setChart(chart);
    delete old;
}

void DashboardWidget::buildDistrictChart()
{
    const std::int64_t id = indicator();
    QString code;
    for (const auto& c : data_.districtIndicators())
        if (c.id == id) code = c.code;
    QChart* chart = newChart(code.isEmpty() ? tr("Tỷ lệ đạt theo huyện (2023): chưa có chỉ tiêu giao cho huyện")
                                            : tr("Tỷ lệ đạt theo huyện (2023), chỉ tiêu %1 (%)").arg(code));
    auto* series = new QBarSeries;
    districtSet_ = new QBarSet(tr("% đạt so với chỉ tiêu giao"));
    districtSet_->setColor(QColor(0x41, 0xab, 0x5d));
    districtCategories_.clear();
    double top = 100;
    if (id != 0)
        for (const DistrictFigure& f : data_.districts(id)) {
            districtCategories_ << f.name + (f.illustrative ? QStringLiteral("*") : QString());
            *districtSet_ << f.percent.value_or(0);
            if (f.percent) top = std::max(top, *f.percent);
        }
    series->append(districtSet_);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(3);
    series->setLabelsAngle(-90);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(districtCategories_);
    categories->setLabelsAngle(-90);
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto* values = new QValueAxis;
    values->setRange(0, niceMax(top));
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setTitleText(QStringLiteral("%"));
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->hide();
    QChart* old = districtView_->chart();
    districtView_->setChart(chart);
    delete old;
}

void DashboardWidget::buildFundingChart()
{
    int disbursements = 0;
    double top = 0;
    for (const auto& f : data_.funding()) {
        disbursements += f.disbursements;
        top = std::max({top, f.planned, f.disbursed});
    }
    QChart* chart = newChart(disbursements > 0 ? tr("Vốn ngân sách theo nguồn và tính chất: kế hoạch và giải ngân (triệu đồng)")
                                               : tr("Vốn ngân sách theo nguồn và tính chất (triệu đồng); chưa có số liệu giải ngân"));
    auto* series = new QBarSeries;
    plannedSet_ = new QBarSet(tr("Kế hoạch vốn"));
    plannedSet_->setColor(QColor(0x88, 0x88, 0x88));
    disbursedSet_ = new QBarSet(tr("Đã giải ngân"));
    disbursedSet_->setColor(QColor(0xd9, 0x5f, 0x02));
    fundingCategories_.clear();
    for (const auto& f : data_.funding()) {
        fundingCategories_ << f.label + (f.illustrative ? QStringLiteral(" *") : QString());
        *plannedSet_ << f.planned;
        *disbursedSet_ << f.disbursed;
    }
    plannedSet_->setLabelColor(QColor(0x33, 0x33, 0x33));
    disbursedSet_->setLabelColor(QColor(0x33, 0x33, 0x33));
    series->append(plannedSet_);
    series->append(disbursedSet_);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(7);
    series->setLabelsAngle(-90);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(fundingCategories_);
    categories->setLabelsAngle(-90); // whole labels, not truncated
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto* values = new QValueAxis;
    values->setRange(0, niceMax(top * 1.15));
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setTitleText(tr("triệu đồng"));
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = fundingView_->chart();
    fundingView_->setChart(chart);
    delete old;
}

} // namespace planmap::gui
