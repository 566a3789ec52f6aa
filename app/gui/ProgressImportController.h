#pragma once

#include "ProgressImportModels.h"

#include "planmap/layers/progress/Import.h"

#include <QDate>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

/// What the progress import dialog does, without widgets (tests drive it
/// directly): the file and sheet, the column mapping (proposed from the saved
/// mappings when the header fits, saved again under its name after an
/// import), the preview and validation report, and the import itself — all
/// through layers::progress::ProgressImporter.
class ProgressImportController : public QObject {
    Q_OBJECT
public:
    /// The mapping fields the dialog offers, in order.
    static const std::vector<std::string>& fields(); ///< indicator, unit, value, date, source

    explicit ProgressImportController(layers::ProjectStore& store, QObject* parent = nullptr);
    ~ProgressImportController() override;

    /// Chooses a file: reads its sheets, proposes a saved mapping whose
    /// header fits (else starts from automatic columns) and previews.
    void setFile(const QString& path);
    QString file() const { return file_; }
    QStringList sheets() const { return sheets_; }
    void setSheet(const QString& sheet);
    QString sheet() const;

    /// Column choices for the mapping: "E (Kết quả thực hiện / Thực hiện)".
    QStringList columnChoices() const;
    /// Maps a field to a column choice (as from columnChoices(), a header
    /// text or a letter); empty: automatic (the usual Vietnamese headers).
    void setColumn(const std::string& field, const QString& choice);
    /// The column a field is read from in the preview ("E (Thực hiện)"), empty if none.
    QString usedColumn(const std::string& field) const;
    /// The column choice (index in columnChoices()) a field is read from, -1 if none.
    int usedChoice(const std::string& field) const;

    /// Constants for what the sheet does not say.
    void setUnit(const QString& unitCodeOrName);          ///< empty: from the unit column
    void setDistrict(const QString& districtCodeOrName);  ///< names of communes are looked up in it
    void setAsOf(const std::optional<QDate>& date);       ///< the report's date when no date column
    void setSource(const QString& sourceDocument);
    void setIllustrative(bool illustrative);

    /// The name the mapping is saved under after an import (empty: not saved).
    void setMappingName(const QString& name);
    QString mappingName() const;
    /// The saved mapping proposed for the file (empty when none fitted).
    QString proposedMapping() const { return proposed_; }
    const layers::progress::ImportMapping& mapping() const { return mapping_; }

    /// Reads and checks the file again with the current mapping (writes nothing).
    void refreshPreview();
    const layers::progress::ImportPreview* preview() const { return preview_ ? &*preview_ : nullptr; }
    ImportPreviewModel* rowsModel() { return &rows_; }
    ImportIssueModel* issuesModel() { return &issues_; }
    bool canImport() const;
    /// What the preview says in a sentence or two, in the user's language
    /// (counts of what will be written; errors; an earlier import of the same file).
    QString summary() const;

    struct Outcome {
        bool imported = false;   ///< the import went through (possibly writing nothing: all unchanged)
        bool cancelled = false;  ///< cancelled: nothing was written
        layers::progress::ImportResult result;
        QString message;         ///< for the user
    };
    /// Writes the preview in one transaction. `progress(done, total)` is
    /// called after every chunk of rows; `cancelled()` is asked after it —
    /// true rolls everything back. Saves the mapping under its name on success
    /// (the columns and the form's constants; not the report's date or source document).
    Outcome runImport(const std::function<void(std::size_t done, std::size_t total)>& progress = {},
                      const std::function<bool()>& cancelled = {}, std::size_t chunkSize = 500);

signals:
    void previewChanged();

private:
    layers::ProjectStore& store_;
    QString file_;
    QStringList sheets_;
    QString proposed_;
    layers::progress::ImportMapping mapping_;
    std::optional<layers::progress::ImportPreview> preview_;
    ImportPreviewModel rows_;
    ImportIssueModel issues_;
};

} // namespace planmap::gui
