#pragma once

#include "planmap/layers/progress/Import.h"

#include <QCoreApplication>
#include <QString>

namespace planmap::gui {

/// The words of the progress import in the user's language (Vietnamese
/// source text, English through the translation): the library's issues are
/// worded here from their kind and fields, not from its English message.
class ProgressImportText {
    Q_DECLARE_TR_FUNCTIONS(ProgressImportText)
public:
    /// "Trang 'Huyện Tràng Định', dòng 9, cột E (Thực hiện)"; empty for a whole-file issue.
    static QString location(const layers::progress::ImportIssue& issue);
    /// What is wrong, without the location: "'abc' không phải là số".
    static QString message(const layers::progress::ImportIssue& issue);
    /// location: message.
    static QString full(const layers::progress::ImportIssue& issue);
    static QString severity(layers::progress::IssueSeverity severity); ///< "Lỗi", "Cảnh báo", "Thông tin"
    static QString field(const std::string& field);                  ///< "indicator" → "chỉ tiêu"
    static QString action(layers::progress::PlannedAction action);   ///< "Thêm mới", "Sửa số liệu", "Không đổi"
};

} // namespace planmap::gui
