#pragma once

#include "planmap/layers/plan/IndicatorLinks.h"
#include "planmap/layers/progress/Recorder.h"
#include "planmap/layers/progress/Rollup.h"
#include "planmap/layers/progress/UnitLookup.h"

#include <QDate>
#include <QObject>
#include <QString>

#include <memory>

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

/// The plan of the open project as the plan tools share it: the roll-up
/// engine, the recorder of this session's progress entries (with undo/redo),
/// the indicator links and the unit lookup. Every write goes through here so
/// the panel, the history, the link editor and the thematic map hear of it.
class PlanSession : public QObject {
    Q_OBJECT
public:
    /// `author` is written on the entries of the session (the user's login name when unset).
    explicit PlanSession(layers::ProjectStore& store, QObject* parent = nullptr,
                         std::optional<std::string> author = std::nullopt);
    ~PlanSession() override;

    layers::ProjectStore& store() const { return store_; }
    /// The map title of a feature layer in the UI language ("Chợ" for
    /// "markets"); the key itself for a layer the project does not have.
    QString featureLayerTitle(const std::string& layer) const;
    layers::progress::RollupEngine& rollup() { return rollup_; }
    layers::progress::ProgressRecorder& recorder() { return recorder_; }
    layers::IndicatorLinks& links() { return links_; }
    /// Units by code or name (read once; call reloadStructure() after units change).
    const layers::progress::UnitLookup& unitLookup();

    /// The date statuses are judged on (default: today).
    QDate statusDate() const { return statusDate_; }
    void setStatusDate(const QDate& date);

    // --- progress (each emits progressChanged) -----------------------------
    std::int64_t record(const layers::progress::RecordInput& input);
    std::int64_t correct(std::int64_t entryId, const layers::progress::RecordInput& input);
    std::int64_t withdraw(std::int64_t entryId, const std::optional<std::string>& note = std::nullopt);
    bool canUndo() const { return recorder_.canUndo(); }
    bool canRedo() const { return recorder_.canRedo(); }
    QString undoText() const;
    QString redoText() const;
    /// Undo / redo of this session's entries; throw what the recorder throws.
    void undo();
    void redo();

    // --- links (each emits linksChanged) ------------------------------------
    bool linkFeature(std::int64_t indicatorId, std::int64_t featureId);
    bool unlinkFeature(std::int64_t indicatorId, std::int64_t featureId);
    bool linkUnit(std::int64_t indicatorId, std::int64_t unitId);
    bool unlinkUnit(std::int64_t indicatorId, std::int64_t unitId);

    /// Re-reads units, crosswalk, links and allocations (after a reload).
    void reloadStructure();

signals:
    void progressChanged();
    void linksChanged();
    void statusDateChanged();
    /// What undo/redo can do changed.
    void historyChanged();

private:
    void afterProgressWrite();
    /// After a link was added or removed (`changed`): the roll-up reads the links again. Returns `changed`.
    bool afterLinkWrite(bool changed);

    layers::ProjectStore& store_;
    layers::progress::RollupEngine rollup_;
    layers::progress::ProgressRecorder recorder_;
    layers::IndicatorLinks links_;
    std::unique_ptr<layers::progress::UnitLookup> lookup_;
    QDate statusDate_;
};

/// "Date" of the library from a QDate and back.
layers::Date toDate(const QDate& date);
QDate toQDate(const layers::Date& date);
/// The plan's texts (UTF-8) for the UI; an absent one is empty.
QString planText(const std::string& text);
QString planText(const std::optional<std::string>& text);

} // namespace planmap::gui
