#include "DashboardData.h"

#include "planmap/layers/store/ProjectStore.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace planmap::gui {

namespace L = planmap::layers;
namespace pg = planmap::layers::progress;

namespace {

void collectIndicators(const L::PlanTreeNode& node, std::vector<std::int64_t>& out)
{
    if (node.indicator) out.push_back(node.node.id);
    for (const auto& c : node.children) collectIndicators(c, out);
}

void collectProjects(const L::PlanTreeNode& node, std::vector<const L::PlanTreeNode*>& out)
{
    if (node.node.level == L::PlanLevel::Project) {
        out.push_back(&node);
        return;
    }
    for (const auto& c : node.children) collectProjects(c, out);
}

} // namespace

DashboardData::DashboardData(L::ProjectStore& store) : store_(store) {}

QString DashboardData::sourceLabel(L::FundingSource source)
{
    switch (source) {
    case L::FundingSource::Central: return tr("NS TW");
    case L::FundingSource::Provincial: return tr("NS tỉnh");
    case L::FundingSource::District: return tr("NS huyện");
    case L::FundingSource::Commune: return tr("NS xã");
    case L::FundingSource::Credit: return tr("Vốn tín dụng");
    case L::FundingSource::Other: return tr("Nguồn khác");
    case L::FundingSource::All: return tr("Mọi nguồn");
    }
    return {};
}

QString DashboardData::kindLabel(L::FundingKind kind)
{
    switch (kind) {
    case L::FundingKind::Investment: return tr("ĐTPT");
    case L::FundingKind::Recurrent: return tr("sự nghiệp");
    case L::FundingKind::Total: return tr("tổng");
    }
    return {};
}

void DashboardData::refresh(const pg::RollupOptions& options)
{
    pg::RollupEngine engine(store_.connection());
    rollups_ = engine.rollupAll(options);
    std::unordered_map<std::int64_t, const pg::IndicatorRollup*> byId;
    for (const auto& r : rollups_) byId.emplace(r.indicatorId, &r);

    // Projects.
    projects_.clear();
    const auto tree = store_.plan().tree();
    std::vector<const L::PlanTreeNode*> projectNodes;
    for (const auto& root : tree) collectProjects(root, projectNodes);
    for (const L::PlanTreeNode* node : projectNodes) {
        std::vector<std::int64_t> ids;
        collectIndicators(*node, ids);
        ProjectFigure f;
        f.nodeId = node->node.id;
        f.code = QString::fromStdString(node->node.code);
        f.name = QString::fromStdString(node->node.name);
        f.label = f.name.section(QLatin1Char(':'), 0, 0).trimmed();
        double sum = 0;
        for (std::int64_t id : ids) {
            const auto it = byId.find(id);
            if (it == byId.end()) continue;
            const pg::UnitRollup* p = it->second->province();
            if (!p || !p->target) continue;
            ++f.indicators;
            if (!p->percentOfTarget) continue;
            ++f.measured;
            sum += std::min(100.0, *p->percentOfTarget);
            f.illustrative = f.illustrative || p->illustrative;
        }
        if (f.indicators == 0) continue; // nothing to measure (e.g. the funding section)
        if (f.measured > 0) f.percent = sum / f.measured;
        projects_.push_back(std::move(f));
    }

    // Districts of 2023 and the indicators allocated to them.
    districtUnits_.clear();
    for (const L::AdminUnit& u : store_.units().list(L::UnitLevel::District, std::string(L::kGenerationPre2025)))
        districtUnits_.emplace_back(u.id, QString::fromStdString(u.name));
    std::sort(districtUnits_.begin(), districtUnits_.end(),
              [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.second, b.second) < 0; });
    std::set<std::int64_t> districtIds;
    for (const auto& [id, name] : districtUnits_) districtIds.insert(id);
    districtIndicators_.clear();
    for (const auto& r : rollups_) {
        const bool allocated = std::any_of(r.units.begin(), r.units.end(), [&](const pg::UnitRollup& u) {
            return districtIds.contains(u.unitId) && u.targetSource == pg::TargetSource::Allocation;
        });
        if (allocated) districtIndicators_.push_back({r.indicatorId, QString::fromStdString(r.code), QString::fromStdString(r.name)});
    }

    // Funding: the direct budget lines by source and kind.
    funding_.clear();
    for (const L::FundingProgress& p : L::Funding(store_.connection()).progress(options.asOf)) {
        const auto s = p.line.source;
        if (s != L::FundingSource::Central && s != L::FundingSource::Provincial && s != L::FundingSource::District) continue;
        if (p.line.kind == L::FundingKind::Total) continue;
        FundingFigure f;
        f.lineId = p.line.id;
        f.source = s;
        f.kind = p.line.kind;
        f.label = sourceLabel(s) + QStringLiteral(" – ") + kindLabel(p.line.kind);
        f.planned = p.line.amountMillionVnd;
        f.disbursed = p.disbursedMillionVnd;
        f.disbursements = p.disbursements;
        f.illustrative = p.illustrative;
        funding_.push_back(std::move(f));
    }
    // Investment first, then recurrent; central, provincial, district within each.
    std::stable_sort(funding_.begin(), funding_.end(), [](const FundingFigure& a, const FundingFigure& b) {
        return std::pair(int(a.kind), int(a.source)) < std::pair(int(b.kind), int(b.source));
    });
}

std::vector<DistrictFigure> DashboardData::districts(std::int64_t indicatorId) const
{
    const auto it = std::find_if(rollups_.begin(), rollups_.end(),
                                 [&](const pg::IndicatorRollup& r) { return r.indicatorId == indicatorId; });
    std::vector<DistrictFigure> out;
    for (const auto& [id, name] : districtUnits_) {
        DistrictFigure f;
        f.unitId = id;
        f.name = name;
        if (it != rollups_.end())
            if (const pg::UnitRollup* u = it->at(id)) {
                f.value = u->value;
                f.target = u->target;
                f.percent = u->percentOfTarget;
                f.illustrative = u->illustrative;
            }
        out.push_back(std::move(f));
    }
    return out;
}

bool DashboardData::illustrative() const
{
    for (const auto& p : projects_)
        if (p.illustrative) return true;
    for (const auto& f : funding_)
        if (f.illustrative) return true;
    for (const auto& r : rollups_)
        for (const auto& u : r.units)
            if (u.illustrative) return true;
    return false;
}

} // namespace planmap::gui
