#pragma once
// Parsing source values (private to planmap_layers): numbers, dates and
// yes/no the way Vietnamese files write them. The conversion of a value to a
// layer field's type is importer::convertValue (RowMapper.h).
// Each function returns nullopt and sets `error` (a phrase such as
// "\"abc\" is not a number") when the value does not convert.

#include "planmap/geo/FieldValue.h"
#include "planmap/layers/features/FeatureLayers.h"
#include "planmap/layers/store/Dates.h"

#include <optional>
#include <string>
#include <string_view>

namespace planmap::layers::io::detail {

/// A number written plainly ("1238075", "96.1"), with a decimal comma ("96,1")
/// or with Vietnamese thousands dots and decimal comma ("1.238.075", "1.238,5").
std::optional<double> parseNumber(std::string_view text);
std::optional<Date> toDate(const geo::FieldValue& value, std::string& error);
std::optional<bool> toBoolean(const geo::FieldValue& value, std::string& error);

} // namespace planmap::layers::io::detail
