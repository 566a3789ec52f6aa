#include "PlanSession.h"

#include "Language.h"

#include "planmap/layers/store/ProjectStore.h"

namespace planmap::gui {

namespace L = planmap::layers;

namespace {

std::optional<std::string> loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty()) name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty()) return std::nullopt;
    return name.toStdString();
}

} // namespace

L::Date toDate(const QDate& date)
{
    return L::Date{std::chrono::year(date.year()), std::chrono::month(unsigned(date.month())),
                   std::chrono::day(unsigned(date.day()))};
}

QDate toQDate(const L::Date& date)
{
    return QDate(int(date.year()), int(unsigned(date.month())), int(unsigned(date.day())));
}

QString planText(const std::string& text)
{
    return QString::fromStdString(text);
}

QString planText(const std::optional<std::string>& text)
{
    return text ? QString::fromStdString(*text) : QString();
}

PlanSession::PlanSession(L::ProjectStore& store, QObject* parent, std::optional<std::string> author)
    : QObject(parent),
      store_(store),
      rollup_(store.connection()),
      recorder_(store, author ? std::move(author) : loginName()),
      links_(store),
      statusDate_(QDate::currentDate())
{
}

PlanSession::~PlanSession() = default;

const L::progress::UnitLookup& PlanSession::unitLookup()
{
    if (!lookup_) lookup_ = std::make_unique<L::progress::UnitLookup>(store_.units());
    return *lookup_;
}

void PlanSession::setStatusDate(const QDate& date)
{
    if (date == statusDate_ || !date.isValid()) return;
    statusDate_ = date;
    emit statusDateChanged();
}

void PlanSession::afterProgressWrite()
{
    emit progressChanged();
    emit historyChanged();
}

std::int64_t PlanSession::record(const L::progress::RecordInput& input)
{
    const std::int64_t id = recorder_.add(input);
    afterProgressWrite();
    return id;
}

std::int64_t PlanSession::correct(std::int64_t entryId, const L::progress::RecordInput& input)
{
    const std::int64_t id = recorder_.correct(entryId, input);
    afterProgressWrite();
    return id;
}

std::int64_t PlanSession::withdraw(std::int64_t entryId, const std::optional<std::string>& note)
{
    const std::int64_t id = recorder_.withdraw(entryId, note);
    afterProgressWrite();
    return id;
}

QString PlanSession::undoText() const
{
    return QString::fromStdString(recorder_.undoText());
}

QString PlanSession::redoText() const
{
    return QString::fromStdString(recorder_.redoText());
}

void PlanSession::undo()
{
    recorder_.undo();
    afterProgressWrite();
}

void PlanSession::redo()
{
    recorder_.redo();
    afterProgressWrite();
}

bool PlanSession::afterLinkWrite(bool changed)
{
    if (changed) {
        rollup_.reloadStructure();
        emit linksChanged();
    }
    return changed;
}

bool PlanSession::linkFeature(std::int64_t indicatorId, std::int64_t featureId)
{
    return afterLinkWrite(links_.linkFeature(indicatorId, featureId));
}

bool PlanSession::unlinkFeature(std::int64_t indicatorId, std::int64_t featureId)
{
    return afterLinkWrite(links_.unlinkFeature(indicatorId, featureId));
}

bool PlanSession::linkUnit(std::int64_t indicatorId, std::int64_t unitId)
{
    return afterLinkWrite(links_.linkUnit(indicatorId, unitId));
}

bool PlanSession::unlinkUnit(std::int64_t indicatorId, std::int64_t unitId)
{
    return afterLinkWrite(links_.unlinkUnit(indicatorId, unitId));
}

QString PlanSession::featureLayerTitle(const std::string& layer) const
{
    if (!store_.features().hasLayer(layer)) return QString::fromStdString(layer);
    const L::LayerInfo& info = store_.features().layer(layer);
    return planText(uiLanguage() == Language::English && info.titleEn ? *info.titleEn : info.titleVi);
}

void PlanSession::reloadStructure()
{
    rollup_.reloadStructure();
    lookup_.reset();
}

} // namespace planmap::gui
