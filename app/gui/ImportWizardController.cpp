#include "ImportWizardController.h"

#include "ImportNotes.h"

#include "planmap/layers/importer/RowMapper.h"
#include "planmap/layers/io/UnitLayers.h"
#include "planmap/layers/store/ProjectStore.h"

#include <QObject>

#include <limits>

namespace planmap::gui {

namespace imp = layers::importer;

namespace {

std::string crsText(const geo::Crs& crs)
{
    if (auto id = crs.authorityId()) return *id;
    return crs.toWkt();
}

CrsChoice choiceOf(const imp::CrsCandidate& c)
{
    return {crsText(c.crs), c.crs.label(), c.share(), c.plausible, c.describe(), c.sampled, c.inside};
}

} // namespace

ImportWizardController::ImportWizardController(layers::ProjectStore& store) : store_(store) {}

std::string ImportWizardController::layerNameFor(const std::filesystem::path& file)
{
    std::string name = imp::fieldNameFor(file.stem().string(), {});
    if (name.rfind("f_", 0) == 0 || name.rfind("src_", 0) == 0 || name == "field") name = "lop_" + name;
    return name.substr(0, 50);
}

void ImportWizardController::setFile(const std::filesystem::path& file)
{
    request_ = imp::ImportRequest{};
    request_.file = file;
    request_.layer = layerNameFor(file);
    // A name not taken yet.
    for (int n = 2; store_.features().hasLayer(request_.layer) || layers::io::findUnitLayer(request_.layer); ++n)
        request_.layer = layerNameFor(file) + "_" + std::to_string(n);
    request_.title = file.stem().string();
    preview_.reset();
    error_.clear();
    crsChoices_.clear();
    chosenCrs_ = -1;
    crsNeedsConfirmation_ = false;
    crsChosenByUser_ = false;
}

void ImportWizardController::setEncoding(std::optional<std::string> encoding)
{
    request_.encoding = std::move(encoding);
}

void ImportWizardController::setCrs(std::optional<std::string> crs)
{
    request_.crs = std::move(crs);
    crsChosenByUser_ = request_.crs.has_value();
    if (crsChosenByUser_) crsNeedsConfirmation_ = false;
}

void ImportWizardController::setNewLayer(const std::string& name, const std::string& title)
{
    if (!targetIsNew()) request_.fields = {};
    request_.layer = name;
    request_.title = title;
    request_.mappingName.reset();
}

void ImportWizardController::setExistingLayer(const std::string& name, std::optional<std::string> mappingName)
{
    request_.layer = name;
    request_.title.reset();
    request_.fields = {};
    request_.mappingName = std::move(mappingName);
}

bool ImportWizardController::targetIsNew() const { return !store_.features().hasLayer(request_.layer); }

void ImportWizardController::setField(const std::string& target, const std::string& column)
{
    layers::io::FieldMapping m;
    for (const auto& [t, c] : request_.fields.pairs())
        if (t != target) m.set(t, c);
    if (!column.empty()) m.set(target, column);
    request_.fields = m;
}

void ImportWizardController::fillCrsChoices(const imp::CrsResolution& crs, const imp::CrsDetection* detection)
{
    if (crsChosenByUser_ && !crsChoices_.empty()) {
        // Keep the list; point at the user's choice (adding it when typed in).
        const std::string chosen = crs.crs ? crsText(*crs.crs) : std::string();
        for (std::size_t i = 0; i < crsChoices_.size(); ++i)
            if (crsChoices_[i].crs == chosen) {
                chosenCrs_ = static_cast<int>(i);
                return;
            }
        if (crs.crs) {
            crsChoices_.push_back({chosen, crs.crs->label(), 0, false, crs.crs->label()});
            chosenCrs_ = static_cast<int>(crsChoices_.size()) - 1;
        }
        return;
    }
    crsChoices_.clear();
    chosenCrs_ = -1;
    if (detection) {
        for (const imp::CrsCandidate& c : detection->candidates) crsChoices_.push_back(choiceOf(c));
        if (detection->chosen) chosenCrs_ = static_cast<int>(*detection->chosen);
    }
    if (chosenCrs_ < 0 && crs.crs) {
        CrsChoice own{crsText(*crs.crs), crs.crs->label(), 1.0, true, crs.crs->label()};
        crsChoices_.insert(crsChoices_.begin(), own);
        chosenCrs_ = 0;
    }
}

bool ImportWizardController::refreshPreview(std::size_t rows)
{
    error_.clear();
    preview_.reset();
    try {
        preview_ = imp::previewImport(store_, request_, rows);
        const imp::CrsResolution& crs = preview_->crs;
        fillCrsChoices(crs, crs.detection ? &*crs.detection : nullptr);
        return true;
    } catch (const imp::CrsUndetermined& e) {
        // Several candidates (or none) fit: preselect the best that fits the
        // province and is meant for the area, and ask the user to confirm.
        const imp::CrsDetection& d = e.detection();
        crsChoices_.clear();
        for (const imp::CrsCandidate& c : d.candidates) crsChoices_.push_back(choiceOf(c));
        int best = -1;
        for (std::size_t i = 0; i < d.candidates.size() && best < 0; ++i)
            if (d.candidates[i].share() >= imp::kCrsFitShare && d.candidates[i].plausible) best = static_cast<int>(i);
        for (std::size_t i = 0; i < d.candidates.size() && best < 0; ++i)
            if (d.candidates[i].share() >= imp::kCrsFitShare) best = static_cast<int>(i);
        if (best < 0) {
            error_ = importErrorText(QObject::tr("Không nhận biết được hệ tọa độ của tệp: không hệ tọa độ nào thử được đặt dữ "
                                                 "liệu vào trong tỉnh. Hãy kiểm tra tệp, hoặc chọn hệ tọa độ trong danh sách."),
                                     e.what());
            chosenCrs_ = -1;
            return false;
        }
        request_.crs = crsChoices_[static_cast<std::size_t>(best)].crs;
        crsChosenByUser_ = true;
        crsNeedsConfirmation_ = true;
        chosenCrs_ = best;
        try {
            preview_ = imp::previewImport(store_, request_, rows);
            return true;
        } catch (const std::exception& again) {
            error_ = importErrorText(QObject::tr("Không xem trước được tệp với hệ tọa độ đã chọn."), again.what());
            return false;
        }
    } catch (const std::exception& e) {
        error_ = importErrorText(QObject::tr("Không đọc được tệp với các lựa chọn này; dự án không thay đổi."), e.what());
        return false;
    }
}

ImportWizardController::Check ImportWizardController::checkAll()
{
    Check check;
    const imp::ImportPreview all = imp::previewImport(store_, request_, std::numeric_limits<std::size_t>::max());
    check.rows = all.rowCount;
    for (const auto& row : all.rows) {
        if (row.messages.empty()) continue;
        ++check.rowsWithProblems;
        check.problems.insert(check.problems.end(), row.messages.begin(), row.messages.end());
    }
    check.encoding = all.encoding;
    check.crs = all.crs;
    for (const imp::ImportMessage& m : all.messages) {
        if (imp::isAboutEncodingOrCrs(m.kind)) continue;  // worded from check.encoding and check.crs
        switch (m.severity) {
        case imp::Severity::Repair: check.repairs.push_back(m); break;
        case imp::Severity::Problem:
        case imp::Severity::Warning: check.warnings.push_back(m); break;
        case imp::Severity::Note: check.notes.push_back(m); break;
        }
    }
    return check;
}

imp::ImportResult ImportWizardController::run(const imp::ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    imp::ImportRequest r = request_;
    r.progress = progress;
    r.cancel = cancel;
    return imp::runImport(store_, r);
}

std::optional<imp::ImportHistoryEntry> ImportWizardController::lastUndoable()
{
    for (imp::ImportHistoryEntry& e : imp::importHistory(store_))
        if (e.undoable) return std::move(e);
    return std::nullopt;
}

imp::UndoResult ImportWizardController::undo(std::int64_t batchId) { return imp::undoImport(store_, batchId); }

std::vector<std::pair<std::string, std::string>> ImportWizardController::featureLayers()
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const layers::LayerInfo& l : store_.features().layers()) out.emplace_back(l.name, l.titleVi);
    return out;
}

std::vector<imp::SavedMapping> ImportWizardController::savedMappings()
{
    return imp::SavedMappings(store_.connection()).list();
}

} // namespace planmap::gui
