#pragma once

#include "planmap/layers/store/Dates.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// Funding of a plan (its section II): lines of capital by source and kind in
/// million VND, in a tree (a total and its breakdown), and disbursements
/// against them. Disbursements are append-only like the progress log: each is
/// the cumulative amount disbursed as of a date; corrections supersede.

namespace planmap::layers {

class Connection;

enum class FundingSource { All, Central, Provincial, District, Commune, Credit, Other };
std::string_view toString(FundingSource source); ///< "all", "central", "provincial", "district", "commune", "credit", "other"
std::optional<FundingSource> parseFundingSource(std::string_view code);

enum class FundingKind { Investment, Recurrent, Total };
std::string_view toString(FundingKind kind); ///< "investment", "recurrent", "total"
std::optional<FundingKind> parseFundingKind(std::string_view code);

struct FundingLine {
    std::int64_t id = 0;
    std::optional<std::string> code;      ///< unique when set
    std::optional<std::int64_t> parentId;
    std::optional<std::int64_t> planNodeId;
    std::string label;
    FundingSource source = FundingSource::All;
    FundingKind kind = FundingKind::Total;
    double amountMillionVnd = 0;
    std::optional<int> year;
    int ordinal = 0;
    std::optional<std::string> planReference;
    std::optional<std::string> note;
    bool illustrative = false;
};

struct Disbursement {
    std::int64_t id = 0;
    std::int64_t fundingLineId = 0;
    std::optional<std::int64_t> unitId;
    std::optional<std::int64_t> featureId;
    std::optional<double> amountMillionVnd;   ///< required except for retractions
    Date asOf{};
    std::optional<std::string> sourceDocument;
    std::optional<std::string> author;
    std::optional<Timestamp> enteredAt;       ///< set to now by the store when unset
    std::optional<std::string> note;
    std::optional<std::int64_t> supersedesId;
    bool retraction = false;
    std::optional<std::int64_t> importBatchId;
    bool illustrative = false;
};

/// A funding line with what has been disbursed against it.
struct FundingProgress {
    FundingLine line;
    /// The newest cumulative disbursement in force of every unit/feature of
    /// the line, summed, plus the disbursed amounts of the lines under it.
    double disbursedMillionVnd = 0;
    int disbursements = 0;        ///< disbursements counted (the line's and its sub-lines')
    std::optional<Date> asOf;     ///< the newest of them
    bool illustrative = false;    ///< the line or a disbursement counted is illustrative
    /// 100·disbursed/amount; unset for a line of 0.
    std::optional<double> percentDisbursed() const;
};

class Funding {
public:
    explicit Funding(Connection& connection) : connection_(connection) {}

    std::int64_t insertLine(const FundingLine& line);
    std::vector<std::int64_t> insertLines(std::span<const FundingLine> lines);
    void updateLine(const FundingLine& line);
    std::optional<FundingLine> line(std::int64_t lineId);
    std::optional<FundingLine> lineByCode(std::string_view code);
    /// Lines under a parent (top lines for nullopt), by ordinal then id.
    std::vector<FundingLine> lines(const std::optional<std::int64_t>& parentId = std::nullopt);
    std::vector<FundingLine> allLines();
    std::vector<FundingLine> linesOfPlanNode(std::int64_t planNodeId);

    std::int64_t appendDisbursement(const Disbursement& disbursement);
    std::vector<std::int64_t> appendDisbursements(std::span<const Disbursement> disbursements);
    /// Appends a correction superseding `disbursementId` (line, unit and feature
    /// taken from it when unset).
    std::int64_t supersedeDisbursement(std::int64_t disbursementId, Disbursement correction);
    std::int64_t retractDisbursement(std::int64_t disbursementId, const std::optional<std::string>& author,
                                     const std::optional<std::string>& note);
    std::optional<Disbursement> disbursement(std::int64_t disbursementId);
    /// Every disbursement of a line, superseded ones included, oldest first.
    std::vector<Disbursement> history(std::int64_t lineId);
    /// Disbursements of a line in force (view disbursements_current).
    std::vector<Disbursement> current(std::int64_t lineId);
    /// The newest disbursement in force per unit/feature of a line, as of a date when given.
    std::vector<Disbursement> latest(std::int64_t lineId, const std::optional<Date>& asOf = std::nullopt);
    /// Every line (allLines() order) with what was disbursed as of a date
    /// (every disbursement in force when unset).
    std::vector<FundingProgress> progress(const std::optional<Date>& asOf = std::nullopt);

private:
    std::int64_t appendOne(const Disbursement& d);
    std::vector<Disbursement> select(const std::string& sql, std::int64_t lineId, const std::optional<Date>& asOf);
    Connection& connection_;
};

} // namespace planmap::layers
