#pragma once

#include "planmap/layers/progress/Recorder.h"

#include <QDate>
#include <QDialog>

#include <map>
#include <optional>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableView;

namespace planmap::gui {

class IndicatorHistoryModel;
class PlanSession;

/// Recording progress of one indicator at an administrative unit (province,
/// district, commune of 2023 or 2025, village: by code or name) or at a
/// feature: value (numerator/denominator for ratios), as-of date
/// (dd/mm/yyyy), source document and note; below, the indicator's history.
/// A correction is a new entry superseding the selected one; a withdrawal
/// supersedes it without a value; nothing is deleted. Errors are shown in
/// Vietnamese next to their field and nothing is written.
class ProgressEntryDialog : public QDialog {
    Q_OBJECT
public:
    enum class Field { Place, Value, Numerator, Denominator, AsOf, General };
    /// Which generation a unit code names.
    enum class Generation { ByDate, Pre2025, Gen2025 };

    explicit ProgressEntryDialog(PlanSession& session, QWidget* parent = nullptr);

    void setIndicator(qint64 indicatorId);
    std::optional<qint64> indicator() const { return indicator_; }

    // The form (for the tools and tests; a person types into the fields).
    void setUnitText(const QString& codeOrName, Generation generation = Generation::ByDate);
    /// Records at a feature (added to the feature list when not linked).
    void setFeature(qint64 featureId);
    void setValueText(const QString& text);
    void setFractionText(const QString& numerator, const QString& denominator);
    void setAsOf(const QDate& date);
    void setSourceDocument(const QString& text);
    void setNote(const QString& text);

    /// Checks the form and writes an entry (or the correction being made).
    /// Returns the new entry's id; nullopt when an error is shown.
    std::optional<qint64> submit();
    /// Fills the form from an entry in force and makes the next submit() a
    /// correction of it. False (message shown) when it is not in force.
    bool beginCorrection(qint64 entryId);
    void cancelCorrection();
    std::optional<qint64> correcting() const { return correcting_; }
    /// Withdraws an entry in force; the new entry's id, nullopt on error (shown).
    std::optional<qint64> withdraw(qint64 entryId);

    /// The error shown next to a field (empty: none).
    QString fieldError(Field field) const;
    QString warningText() const;
    QString statusText() const;
    IndicatorHistoryModel* history() const { return history_; }
    QTableView* historyView() const { return historyView_; }

    /// Reads "1.234,5", "1234,5", "1234.5", "1 234" (Vietnamese first); nullopt if not a number.
    static std::optional<double> parseNumber(const QString& text);

public slots:
    /// Re-reads the history (after any progress write).
    void refreshHistory();

private:
    void buildUi();
    void updateForIndicator();
    void clearErrors();
    void showError(Field field, const QString& message);
    void loadFeatures();
    QString issueText(const layers::progress::CheckIssue& issue) const;
    Field issueField(layers::progress::CheckKind kind) const;
    std::optional<qint64> selectedEntry() const;

    PlanSession& session_;
    std::optional<qint64> indicator_;
    std::optional<qint64> correcting_;
    bool ratio_ = false;
    bool fraction_ = false;

    QLabel* title_ = nullptr;
    QRadioButton* atUnit_ = nullptr;
    QRadioButton* atFeature_ = nullptr;
    QLineEdit* unit_ = nullptr;
    QComboBox* generation_ = nullptr;
    QComboBox* feature_ = nullptr;
    QLabel* valueLabel_ = nullptr;
    QLineEdit* value_ = nullptr;
    QWidget* fractionRow_ = nullptr;
    QLabel* fractionLabel_ = nullptr;
    QLineEdit* numerator_ = nullptr;
    QLineEdit* denominator_ = nullptr;
    QDateEdit* asOf_ = nullptr;
    QLineEdit* source_ = nullptr;
    QLineEdit* note_ = nullptr;
    std::map<Field, QLabel*> errors_;
    QLabel* warnings_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* record_ = nullptr;
    QPushButton* cancelCorrection_ = nullptr;
    QPushButton* correctSelected_ = nullptr;
    QPushButton* withdrawSelected_ = nullptr;
    IndicatorHistoryModel* history_ = nullptr;
    QTableView* historyView_ = nullptr;
};

} // namespace planmap::gui
