#pragma once

#include "planmap/layers/store/Dates.h"
#include "planmap/layers/store/Value.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// \file
/// Administrative units (province, district, commune, village) of one or
/// more generations, and the crosswalk between generations.
///
/// Identity: statistics office codes are reused across a reorganisation (in
/// Lạng Sơn the new "Phường Đông Kinh" 05977 took the code of the old
/// "Phường Vĩnh Trại" 05977), so a unit is identified by (code, level,
/// validity), never by code alone. Look units up with findByCodeAt (the unit
/// in force on a date) or findByCodeInGeneration. The store refuses two units
/// of the same code and level in force on the same day.

namespace planmap::layers {

class Connection;

enum class UnitLevel { Province, District, Commune, Village };

/// Kinds of unit. Codes stored: tinh, thanh_pho, huyen, quan, thi_xa, xa,
/// phuong, thi_tran, dac_khu, thon, ban, lang, xom, ap, buon, to_dan_pho,
/// khoi, khu_pho, other.
enum class UnitType {
    Province,      ///< Tỉnh
    City,          ///< Thành phố (centrally governed or provincial)
    District,      ///< Huyện
    UrbanDistrict, ///< Quận
    Town,          ///< Thị xã
    Commune,       ///< Xã
    Ward,          ///< Phường
    Township,      ///< Thị trấn
    SpecialZone,   ///< Đặc khu
    Thon,          ///< Thôn
    Ban,           ///< Bản
    Lang,          ///< Làng
    Xom,           ///< Xóm
    Ap,            ///< Ấp
    Buon,          ///< Buôn
    ResidentialGroup, ///< Tổ dân phố
    Khoi,          ///< Khối
    Quarter,       ///< Khu phố
    Other
};

std::string_view toString(UnitLevel level);  ///< "province", "district", "commune", "village"
std::optional<UnitLevel> parseUnitLevel(std::string_view code);
std::string_view toString(UnitType type);    ///< the stored code, e.g. "thi_tran"
/// Accepts the stored code or the Vietnamese word with or without diacritics
/// and in any case ("Thị trấn", "THI TRAN", "thi_tran").
std::optional<UnitType> parseUnitType(std::string_view text);
/// The Vietnamese word: "Tỉnh", "Thành phố", "Huyện", "Xã", "Phường", "Thị trấn", "Thôn", ...
std::string_view vietnameseName(UnitType type);

/// Splits a full name into its unit type and the proper name:
/// "Xã Thống Nhất" → {Commune, "Thống Nhất"}; "Thành phố Lạng Sơn" → {City,
/// "Lạng Sơn"}. Trims the input (sources carry trailing spaces). nullopt when
/// the name does not start with a known unit word.
struct SplitUnitName {
    UnitType type;
    std::string name;
};
std::optional<SplitUnitName> splitUnitName(std::string_view fullName);

/// Generation keys of the 2025 national reorganisation, present in every project.
inline constexpr std::string_view kGenerationPre2025 = "pre2025"; ///< in force until 2025-06-30
inline constexpr std::string_view kGeneration2025 = "2025";       ///< in force from 2025-07-01

/// A set of units in force together.
struct AdminGeneration {
    std::string key;
    std::string titleVi;
    std::optional<std::string> titleEn;
    std::optional<Date> validFrom; ///< first day in force
    std::optional<Date> validTo;   ///< last day in force
};

struct AdminUnit {
    std::int64_t id = 0;                ///< set by the store
    std::optional<std::string> code;    ///< statistics office code with leading zeros ("05977")
    UnitLevel level = UnitLevel::Commune;
    UnitType type = UnitType::Commune;
    std::string generation;             ///< key of an AdminGeneration, e.g. kGeneration2025
    std::optional<std::int64_t> parentId;
    std::string name;                   ///< with diacritics: "Thống Nhất"
    std::optional<std::string> fullName;///< "Xã Thống Nhất"
    std::optional<std::string> nameEn;
    std::string searchKey;              ///< set by the store: searchKey(fullName or name)
    /// First and last day in force (inclusive). When both are unset on
    /// insert or update, the generation's dates are used.
    std::optional<Date> validFrom;
    std::optional<Date> validTo;
    std::optional<int> ethnicMinorityArea; ///< khu vực 1, 2 or 3
    std::optional<bool> dbkk;           ///< đặc biệt khó khăn (nullopt = not known)
    std::optional<bool> atk;            ///< an toàn khu
    std::optional<bool> border;         ///< biên giới
    std::optional<std::string> programSource; ///< the decision the program flags come from
    bool illustrative = false;
    std::optional<std::string> source;
    std::optional<std::int64_t> importBatchId;
    Wkb geometry;                       ///< MultiPolygon (a Polygon is promoted); empty = none

    /// True when in force on `date`.
    bool isValidAt(Date date) const;
};

enum class CrosswalkKind { Whole, Partial };
std::string_view toString(CrosswalkKind kind); ///< "whole", "partial"

/// One old unit → new unit pair of a reorganisation.
struct CrosswalkLink {
    std::int64_t id = 0;
    std::int64_t oldUnitId = 0;
    std::int64_t newUnitId = 0;
    CrosswalkKind kind = CrosswalkKind::Whole; ///< whole = "Nhập toàn bộ", partial = "Nhập một phần"
    std::optional<double> share;        ///< partial only: fraction (0, 1] of the old unit, when stated
    std::optional<Date> effectiveDate;
    std::optional<std::string> note;
    std::optional<std::string> source;
};

struct UnitSearch {
    std::optional<UnitLevel> level;
    std::optional<std::string> generation;
    std::optional<Date> validAt;
    std::size_t limit = 50;
};

/// Repository of administrative units. Every write runs in a transaction (a
/// savepoint inside the caller's one); a failing batch writes nothing.
class AdminUnits {
public:
    explicit AdminUnits(Connection& connection) : connection_(connection) {}

    std::vector<AdminGeneration> generations();
    void insertGeneration(const AdminGeneration& generation);

    /// Inserts a unit and returns its id. The search key is computed.
    std::int64_t insert(const AdminUnit& unit);
    /// Inserts units in order in one transaction (prepared statement reused);
    /// returns their ids. Errors name the row (1-based) and the unit.
    std::vector<std::int64_t> insertMany(std::span<const AdminUnit> units);
    /// Replaces every column of unit.id. Throws NotFoundError if absent.
    void update(const AdminUnit& unit);
    /// Sets (or clears, with an empty Wkb) the geometry.
    void setGeometry(std::int64_t unitId, const Wkb& geometry);

    std::optional<AdminUnit> get(std::int64_t unitId, bool withGeometry = true);
    /// The unit of that code and level in force on `date`.
    std::optional<AdminUnit> findByCodeAt(std::string_view code, UnitLevel level, Date date,
                                          bool withGeometry = true);
    /// The unit of that code and level in a generation.
    std::optional<AdminUnit> findByCodeInGeneration(std::string_view code, UnitLevel level,
                                                    std::string_view generation, bool withGeometry = true);
    /// Direct children, ordered by code then name.
    std::vector<AdminUnit> children(std::int64_t parentId, bool withGeometry = false);
    /// Units of a level, optionally of one generation and/or in force on a
    /// date, ordered by code then name.
    std::vector<AdminUnit> list(UnitLevel level, const std::optional<std::string>& generation = std::nullopt,
                                const std::optional<Date>& validAt = std::nullopt, bool withGeometry = false);
    /// Units whose search key contains searchKey(text), best first (exact
    /// key, then key starting with it, then shorter names). No geometry.
    std::vector<AdminUnit> search(std::string_view text, const UnitSearch& options = {});
    std::int64_t count(const std::optional<UnitLevel>& level = std::nullopt,
                       const std::optional<std::string>& generation = std::nullopt);

    std::int64_t insertCrosswalk(const CrosswalkLink& link);
    std::vector<std::int64_t> insertCrosswalkMany(std::span<const CrosswalkLink> links);
    /// The links from an old unit to the new units it went into.
    std::vector<CrosswalkLink> successorsOf(std::int64_t oldUnitId);
    /// The links from the old units that went into a new unit.
    std::vector<CrosswalkLink> predecessorsOf(std::int64_t newUnitId);

private:
    std::int64_t insertOne(const AdminUnit& unit);
    Connection& connection_;
};

} // namespace planmap::layers
