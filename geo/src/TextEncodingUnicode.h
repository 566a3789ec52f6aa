// Internal: the few Unicode helpers the text-encoding code shares (ICU underneath).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace planmap::geo::detail {

// Decodes UTF-8 leniently: each maximal ill-formed subsequence becomes U+FFFD and
// its bytes are added to *replacedBytes. firstBadOffset (when given) receives the
// offset of the first ill-formed byte, or npos.
std::u32string utf8ToCodePoints(std::string_view utf8, std::size_t* replacedBytes = nullptr,
                                std::size_t* firstBadOffset = nullptr);
void appendUtf8(std::string& out, char32_t cp);
std::string codePointsToUtf8(std::u32string_view cps);

std::u32string toNfc(std::u32string_view cps);
std::u32string toNfd(std::u32string_view cps);
// UTF-8 in, UTF-8 NFC out; the input must be well-formed.
std::string utf8ToNfc(std::string_view utf8);

bool isCombiningMark(char32_t cp);  // general category Mn, Mc or Me
bool isLetter(char32_t cp);         // general category L*
bool isUpper(char32_t cp);
char32_t toLower(char32_t cp);

}  // namespace planmap::geo::detail
