#include "LinkEditor.h"

#include "Language.h"
#include "MapProject.h"
#include "PlanSession.h"
#include "ProgressMapLayer.h"
#include "SearchText.h"

#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace planmap::gui {

namespace L = planmap::layers;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kKindRole = Qt::UserRole + 2;   // int(L::LinkKind)
constexpr int kTargetRole = Qt::UserRole + 3; // bool: carries a target of the plan

QString levelText(const L::IndicatorLink& link)
{
    if (!link.unitLevel) return {};
    const L::io::UnitLayer* layer = L::io::unitLayerOf(*link.unitLevel, link.unitGeneration);
    if (!layer) return QString::fromStdString(link.unitGeneration);
    return QString::fromStdString(uiLanguage() == Language::English ? layer->titleEn : layer->titleVi);
}

} // namespace

LinkEditor::LinkEditor(PlanSession& session, MapProject& project, QWidget* parent)
    : QDialog(parent), session_(session), project_(project)
{
    setWindowTitle(tr("Liên kết chỉ tiêu với đối tượng và đơn vị"));
    buildUi();
    fillIndicators();
    refreshLayers();
    connect(&session_, &PlanSession::linksChanged, this, &LinkEditor::reloadLinks);
    // The layer list is refreshed by refreshLayers() when the editor is opened
    // (not on MapProject::layersChanged: while another project opens, the map
    // changes before the session does).
}

void LinkEditor::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Chỉ tiêu"), this));
    indicator_ = new QComboBox(this);
    indicator_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    indicator_->setMinimumContentsLength(50);
    top->addWidget(indicator_, 1);
    layout->addLayout(top);

    auto* linksBox = new QGroupBox(tr("Đã liên kết (lưu ngay vào dự án)"), this);
    auto* linksLayout = new QVBoxLayout(linksBox);
    links_ = new QTreeWidget(linksBox);
    links_->setRootIsDecorated(false);
    links_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    links_->setHeaderLabels({tr("Loại"), tr("Tên"), tr("Lớp / cấp"), tr("Chỉ tiêu giao")});
    links_->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    linksLayout->addWidget(links_);
    auto* linkButtons = new QHBoxLayout;
    fromMap_ = new QPushButton(tr("Thêm các đối tượng đang chọn trên bản đồ"), linksBox);
    remove_ = new QPushButton(tr("Bỏ liên kết đã chọn"), linksBox);
    linkButtons->addWidget(fromMap_);
    linkButtons->addWidget(remove_);
    linkButtons->addStretch();
    linksLayout->addLayout(linkButtons);
    layout->addWidget(linksBox, 1);

    auto* pickBox = new QGroupBox(tr("Chọn từ danh sách"), this);
    auto* pickLayout = new QVBoxLayout(pickBox);
    auto* pickRow = new QHBoxLayout;
    layer_ = new QComboBox(pickBox);
    filter_ = new QLineEdit(pickBox);
    filter_->setPlaceholderText(tr("Lọc theo tên (không cần dấu)"));
    filter_->setClearButtonEnabled(true);
    pickRow->addWidget(layer_);
    pickRow->addWidget(filter_, 1);
    pickLayout->addLayout(pickRow);
    candidates_ = new QListWidget(pickBox);
    candidates_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    pickLayout->addWidget(candidates_);
    add_ = new QPushButton(tr("Liên kết các mục đã chọn"), pickBox);
    pickLayout->addWidget(add_, 0, Qt::AlignLeft);
    layout->addWidget(pickBox, 1);

    message_ = new QLabel(this);
    message_->setWordWrap(true);
    layout->addWidget(message_);
    auto* close = new QPushButton(tr("Đóng"), this);
    layout->addWidget(close, 0, Qt::AlignRight);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    connect(indicator_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { reloadLinks(); });
    connect(layer_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { fillCandidates(); });
    connect(filter_, &QLineEdit::textChanged, this, [this] { fillCandidates(); });
    connect(fromMap_, &QPushButton::clicked, this, [this] { addMapSelection(); });
    connect(add_, &QPushButton::clicked, this, [this] {
        QList<qint64> ids;
        for (QListWidgetItem* item : candidates_->selectedItems()) ids << item->data(kIdRole).toLongLong();
        addCandidates(ids);
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (QTreeWidgetItem* item : links_->selectedItems()) rows << links_->indexOfTopLevelItem(item);
        removeLinkRows(rows);
    });
    resize(760, 680);
}

void LinkEditor::fillIndicators()
{
    const QSignalBlocker block(indicator_);
    indicator_->clear();
    for (const L::Indicator& ind : session_.store().plan().indicatorsUnder()) {
        indicator_->addItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(ind.node.code),
                                                          QString::fromStdString(ind.node.name)),
                            qint64(ind.node.id));
        indicator_->setItemData(indicator_->count() - 1, QString::fromStdString(ind.node.name), Qt::ToolTipRole);
    }
}

void LinkEditor::refreshLayers()
{
    const QString current = layer_->currentData().toString();
    const QSignalBlocker block(layer_);
    layer_->clear();
    for (int row = 0; row < project_.layerCount(); ++row) {
        const MapLayer& l = project_.layer(row);
        if (l.key == QLatin1String(ProgressMapLayer::kLayerKey) || !l.cache) continue;
        layer_->addItem(l.title, l.key);
    }
    if (const L::io::UnitLayer* u = L::io::findUnitLayer(kCommunes2023))
        layer_->addItem(QString::fromStdString(uiLanguage() == Language::English ? u->titleEn : u->titleVi),
                        QString::fromLatin1(kCommunes2023));
    const int i = layer_->findData(current);
    layer_->setCurrentIndex(i >= 0 ? i : 0);
    fillCandidates();
}

bool LinkEditor::isUnitLayer(const QString& key) const
{
    return L::io::findUnitLayer(key.toStdString()) != nullptr;
}

void LinkEditor::fillCandidates()
{
    candidates_->clear();
    const QString key = layer_->currentData().toString();
    const QString filter = foldForSearch(filter_->text().trimmed());
    auto add = [&](qint64 id, const QString& name) {
        if (!filter.isEmpty() && !foldForSearch(name).contains(filter)) return;
        auto* item = new QListWidgetItem(name, candidates_);
        item->setData(kIdRole, id);
    };
    if (key == QLatin1String(kCommunes2023)) {
        const L::io::UnitLayer* u = L::io::findUnitLayer(kCommunes2023);
        for (const L::AdminUnit& unit : session_.store().units().list(u->level, u->generation, std::nullopt, false))
            add(unit.id, QStringLiteral("%1 (%2)").arg(QString::fromStdString(unit.fullName.value_or(unit.name)),
                                                       QString::fromStdString(unit.code.value_or(""))));
        return;
    }
    const MapLayer* layer = project_.findLayer(key);
    if (!layer || !layer->cache) return;
    const render::LayerCache& cache = *layer->cache;
    int nameField = cache.fieldIndex(QStringLiteral("full_name"));
    if (nameField < 0) nameField = cache.fieldIndex(QStringLiteral("name"));
    for (std::size_t i = 0; i < cache.featureCount(); ++i) {
        const qint64 id = cache.featureId(i);
        const QVariant name = nameField >= 0 ? cache.attribute(i, nameField) : QVariant();
        add(id, name.isNull() || name.toString().isEmpty() ? QStringLiteral("#%1").arg(id) : name.toString());
    }
}

void LinkEditor::setIndicator(qint64 indicatorId)
{
    const int i = indicator_->findData(indicatorId);
    if (i >= 0) indicator_->setCurrentIndex(i);
    reloadLinks();
}

std::optional<qint64> LinkEditor::indicator() const
{
    if (indicator_->currentIndex() < 0) return std::nullopt;
    return indicator_->currentData().toLongLong();
}

void LinkEditor::reloadLinks()
{
    links_->clear();
    const auto id = indicator();
    if (!id) return;
    std::vector<L::IndicatorLink> links;
    try {
        links = session_.links().links(*id);
    } catch (const std::exception& e) {
        message_->setText(QString::fromUtf8(e.what()));
        return;
    }
    for (const L::IndicatorLink& link : links) {
        auto* item = new QTreeWidgetItem(links_);
        const bool feature = link.kind == L::LinkKind::Feature;
        item->setText(0, feature ? tr("Đối tượng") : tr("Đơn vị"));
        QString name = QString::fromStdString(link.name);
        if (link.unitCode) name += QStringLiteral(" (%1)").arg(QString::fromStdString(*link.unitCode));
        if (link.illustrative) name += QStringLiteral(" *");
        item->setText(1, name);
        const MapLayer* mapLayer = feature ? project_.findLayer(QString::fromStdString(link.layer)) : nullptr;
        item->setText(2, feature ? (mapLayer ? mapLayer->title : QString::fromStdString(link.layer)) : levelText(link));
        if (link.illustrative) item->setToolTip(1, tr("* Dữ liệu minh họa, không phải số liệu thật."));
        item->setText(3, link.hasTarget ? tr("có (theo kế hoạch)") : QString());
        item->setData(0, kIdRole, qint64(link.id));
        item->setData(0, kKindRole, int(link.kind));
        item->setData(0, kTargetRole, link.hasTarget);
        if (link.hasTarget) item->setToolTip(1, tr("Đơn vị được giao chỉ tiêu trong kế hoạch: không bỏ liên kết ở đây."));
    }
    for (int c = 0; c < links_->columnCount(); ++c) links_->resizeColumnToContents(c);
}

int LinkEditor::link(const QString& layerKey, const QList<qint64>& ids)
{
    const auto indicatorId = indicator();
    if (!indicatorId || ids.isEmpty()) return 0;
    const bool units = isUnitLayer(layerKey);
    int added = 0;
    try {
        for (qint64 id : ids) {
            const bool ok = units ? session_.linkUnit(*indicatorId, id) : session_.linkFeature(*indicatorId, id);
            added += ok;
        }
        message_->setText(tr("Đã thêm %1 liên kết (%2 mục đã có sẵn).").arg(added).arg(ids.size() - added));
    } catch (const std::exception& e) {
        message_->setText(tr("Không liên kết được: %1").arg(QString::fromUtf8(e.what())));
    }
    return added;
}

int LinkEditor::addMapSelection()
{
    const QString key = project_.selectionLayer();
    if (key.isEmpty() || project_.selection().isEmpty() || key == QLatin1String(ProgressMapLayer::kLayerKey)) {
        message_->setText(tr("Chưa chọn đối tượng nào trên bản đồ (dùng công cụ Chọn, giữ Ctrl để chọn nhiều)."));
        return 0;
    }
    QList<qint64> ids(project_.selection().begin(), project_.selection().end());
    std::sort(ids.begin(), ids.end());
    return link(key, ids);
}

void LinkEditor::setCandidateLayer(const QString& layerKey)
{
    const int i = layer_->findData(layerKey);
    if (i >= 0) layer_->setCurrentIndex(i);
}

void LinkEditor::setCandidateFilter(const QString& text)
{
    filter_->setText(text);
}

int LinkEditor::candidateCount() const
{
    return candidates_->count();
}

QList<qint64> LinkEditor::candidateIds() const
{
    QList<qint64> ids;
    for (int i = 0; i < candidates_->count(); ++i) ids << candidates_->item(i)->data(kIdRole).toLongLong();
    return ids;
}

int LinkEditor::addCandidates(const QList<qint64>& ids)
{
    return link(layer_->currentData().toString(), ids);
}

int LinkEditor::removeLinkRows(const QList<int>& rows)
{
    const auto indicatorId = indicator();
    if (!indicatorId) return 0;
    struct Pending {
        L::LinkKind kind;
        qint64 id;
        bool hasTarget;
    };
    std::vector<Pending> pending;
    for (int row : rows) {
        const QTreeWidgetItem* item = links_->topLevelItem(row);
        if (!item) continue;
        pending.push_back({L::LinkKind(item->data(0, kKindRole).toInt()), item->data(0, kIdRole).toLongLong(),
                           item->data(0, kTargetRole).toBool()});
    }
    int removed = 0, kept = 0;
    try {
        for (const Pending& p : pending) {
            if (p.hasTarget) {
                ++kept;
                continue;
            }
            removed += p.kind == L::LinkKind::Feature ? session_.unlinkFeature(*indicatorId, p.id)
                                                      : session_.unlinkUnit(*indicatorId, p.id);
        }
        message_->setText(kept ? tr("Đã bỏ %1 liên kết; %2 đơn vị được giao chỉ tiêu theo kế hoạch được giữ.").arg(removed).arg(kept)
                               : tr("Đã bỏ %1 liên kết.").arg(removed));
    } catch (const std::exception& e) {
        message_->setText(tr("Không bỏ được liên kết: %1").arg(QString::fromUtf8(e.what())));
    }
    return removed;
}

int LinkEditor::linkCount() const
{
    return links_->topLevelItemCount();
}

QString LinkEditor::messageText() const
{
    return message_->text();
}

} // namespace planmap::gui
