#include "TextEncodingUnicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <string>

namespace planmap::geo::detail {
namespace {

const icu::Normalizer2& normalizer(bool compose) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(status)
                                        : icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || n == nullptr)
        throw std::runtime_error(std::string("ICU normalizer unavailable: ") + u_errorName(status));
    return *n;
}

std::u32string normalize(std::u32string_view cps, bool compose) {
    bool ascii = true;
    for (char32_t c : cps) ascii = ascii && c < 0x80;
    if (ascii) return std::u32string(cps);
    const icu::UnicodeString in = icu::UnicodeString::fromUTF32(
        reinterpret_cast<const UChar32*>(cps.data()), static_cast<int32_t>(cps.size()));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString out = normalizer(compose).normalize(in, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));
    std::u32string result;
    result.reserve(static_cast<std::size_t>(out.length()));
    for (int32_t i = 0; i < out.length();) {
        const UChar32 c = out.char32At(i);
        result.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return result;
}

}  // namespace

std::u32string utf8ToCodePoints(std::string_view s, std::size_t* replacedBytes,
                                std::size_t* firstBadOffset) {
    std::u32string out;
    out.reserve(s.size());
    if (firstBadOffset) *firstBadOffset = std::string::npos;
    const auto byteAt = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char b = byteAt(i);
        if (b < 0x80) {
            out.push_back(b);
            ++i;
            continue;
        }
        int need = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        char32_t cp = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;  // no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        }
        std::size_t j = i + 1;
        bool ok = need > 0;
        for (int k = 0; ok && k < need; ++k, ++j) {
            if (j >= s.size() || byteAt(j) < lo || byteAt(j) > hi) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (byteAt(j) & 0x3F);
            lo = 0x80;
            hi = 0xBF;
        }
        if (ok) {
            out.push_back(cp);
        } else {
            out.push_back(U'\uFFFD');
            if (replacedBytes) *replacedBytes += j - i;
            if (firstBadOffset && *firstBadOffset == std::string::npos) *firstBadOffset = i;
        }
        i = j;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string codePointsToUtf8(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size() + cps.size() / 2);
    for (char32_t c : cps) appendUtf8(out, c);
    return out;
}

std::u32string toNfc(std::u32string_view cps) { return normalize(cps, true); }
std::u32string toNfd(std::u32string_view cps) { return normalize(cps, false); }

std::string utf8ToNfc(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(utf8);
    return codePointsToUtf8(toNfc(utf8ToCodePoints(utf8)));
}

bool isCombiningMark(char32_t cp) {
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
    return (mask & U_GC_M_MASK) != 0;
}
bool isLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)) != 0; }
bool isUpper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)) != 0; }
char32_t toLower(char32_t cp) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))); }

}  // namespace planmap::geo::detail
