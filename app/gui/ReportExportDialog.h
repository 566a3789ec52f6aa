#pragma once

#include "planmap/layers/progress/Report.h"

#include <QDate>
#include <QDialog>

#include <filesystem>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace planmap::layers { class ProjectStore; }

namespace planmap::gui {

/// Writes the progress report (layers::progress::buildReport/writeReport)
/// for the province and its districts, or one district. Returns the number
/// of sections written. Throws what they throw (the message names the file).
std::size_t exportProgressReport(layers::ProjectStore& store, const std::optional<std::string>& districtCode,
                                 layers::progress::ReportFormat format, const QDate& date,
                                 const std::filesystem::path& file);

/// "Xuất báo cáo tiến độ": scope (the province and every district, or one
/// district of 2023), date, format (XLSX, CSV) and file.
class ReportExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportExportDialog(layers::ProjectStore& store, QWidget* parent = nullptr);

    /// The district chosen (code), nullopt for the whole province.
    std::optional<std::string> district() const;
    layers::progress::ReportFormat format() const;
    QDate date() const;
    /// Writes the report to the chosen file; false (with the reason shown) on failure.
    bool exportTo(const QString& file);

private:
    void chooseFileAndExport();

    layers::ProjectStore& store_;
    QComboBox* scope_;
    QComboBox* format_;
    QDateEdit* date_;
    QLabel* status_;
};

} // namespace planmap::gui
