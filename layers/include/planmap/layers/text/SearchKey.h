#pragma once

#include <string>
#include <string_view>

namespace planmap::layers {

/// The accent-free search key of a Vietnamese text: Unicode NFD, combining
/// marks dropped, đ/Đ → d, lower case, runs of white space collapsed to one
/// space, trimmed. "Lộc Bình", "LỘC  BÌNH" and "loc binh" all give
/// "loc binh". Input is UTF-8 (either precomposed or decomposed); invalid
/// bytes are replaced by U+FFFD. Punctuation and digits are kept.
std::string searchKey(std::string_view utf8);

} // namespace planmap::layers
