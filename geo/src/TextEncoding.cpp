// Names, decoding and encoding of the Vietnamese legacy encodings (TextEncoding.h).
#include "planmap/geo/TextEncoding.h"

#include "TextEncodingTables.h"
#include "TextEncodingUnicode.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace planmap::geo {

using detail::ByteReading;
using detail::kUndefinedByte;

const std::vector<TextEncoding>& allTextEncodings() {
    static const std::vector<TextEncoding> all = {TextEncoding::Utf8,   TextEncoding::Tcvn3,
                                                  TextEncoding::Vni,    TextEncoding::Cp1258,
                                                  TextEncoding::Viscii, TextEncoding::Latin1};
    return all;
}

std::string_view encodingName(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Utf8: return "utf-8";
    case TextEncoding::Cp1258: return "cp1258";
    case TextEncoding::Tcvn3: return "tcvn3";
    case TextEncoding::Vni: return "vni";
    case TextEncoding::Viscii: return "viscii";
    case TextEncoding::Latin1: return "latin1";
    }
    return "?";
}

std::string_view encodingDisplayName(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Cp1258: return "Windows-1258";
    case TextEncoding::Tcvn3: return "TCVN3 (ABC)";
    case TextEncoding::Vni: return "VNI-Windows";
    case TextEncoding::Viscii: return "VISCII";
    case TextEncoding::Latin1: return "Latin-1";
    }
    return "?";
}

namespace {

// Lower case, without spaces, '-', '_' and '.'.
std::string aliasKey(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t') continue;
        key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return key;
}

}  // namespace

std::optional<TextEncoding> parseEncoding(std::string_view name) {
    static const std::unordered_map<std::string, TextEncoding> aliases = [] {
        std::unordered_map<std::string, TextEncoding> m;
        const auto add = [&m](TextEncoding e, std::initializer_list<const char*> names) {
            for (const char* n : names) m.emplace(aliasKey(n), e);
        };
        add(TextEncoding::Utf8, {"utf-8", "utf8", "65001", "cp65001", "unicode"});
        add(TextEncoding::Cp1258, {"cp1258", "windows-1258", "win1258", "1258", "ansi 1258",
                                   "ms-1258", "x-cp1258", "ibm-1258"});
        add(TextEncoding::Tcvn3, {"tcvn3", "tcvn", "abc", "tcvn5712", "tcvn 5712:1993",
                                  "tcvn5712-1", "tcvn5712-3", "vn3", "vscii", "vscii-3",
                                  "vntime", ".vntime"});
        add(TextEncoding::Vni, {"vni", "vni-windows", "vni-win", "vniwin", "vni-times"});
        add(TextEncoding::Viscii, {"viscii", "csviscii", "viscii1.1-1"});
        add(TextEncoding::Latin1, {"latin1", "latin-1", "l1", "iso-8859-1", "iso8859-1", "8859-1",
                                   "88591", "iso_8859-1:1987", "cp1252", "windows-1252", "1252",
                                   "ansi 1252", "cp819", "ibm819"});
        return m;
    }();
    const auto it = aliases.find(aliasKey(name));
    if (it == aliases.end()) return std::nullopt;
    return it->second;
}

std::optional<TextEncoding> cpgToEncoding(std::string_view content) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0'; };
    while (!content.empty() && isSpace(content.front())) content.remove_prefix(1);
    // Only the first line counts.
    const auto eol = content.find_first_of("\r\n");
    if (eol != std::string_view::npos) content = content.substr(0, eol);
    while (!content.empty() && isSpace(content.back())) content.remove_suffix(1);
    if (content.empty()) return std::nullopt;
    return parseEncoding(content);
}

TextEncodingError::TextEncodingError(const std::string& message, std::size_t byteOffset,
                                     char32_t codePoint)
    : std::runtime_error(message), byteOffset_(byteOffset), codePoint_(codePoint) {}

std::string decodeToUtf8(std::string_view bytes, TextEncoding encoding, std::size_t* replacedBytes) {
    if (std::all_of(bytes.begin(), bytes.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        // Every encoding here reads ASCII as ASCII, except the C0 positions that
        // TCVN3 and VISCII give to capital letters.
        const bool c0Letters = encoding == TextEncoding::Tcvn3 || encoding == TextEncoding::Viscii;
        if (!c0Letters || std::none_of(bytes.begin(), bytes.end(), [](char c) { return c < 0x20; }))
            return std::string(bytes);
    }
    std::u32string cps;
    if (encoding == TextEncoding::Utf8) {
        cps = detail::utf8ToCodePoints(bytes, replacedBytes);
    } else {
        const detail::ByteTable& table = detail::byteTable(encoding);
        cps.reserve(bytes.size());
        for (char c : bytes) {
            const ByteReading& r = table[static_cast<unsigned char>(c)];
            if (r.first == kUndefinedByte) {
                cps.push_back(U'\uFFFD');
                if (replacedBytes) ++*replacedBytes;
                continue;
            }
            cps.push_back(r.first);
            if (r.second != 0) cps.push_back(r.second);
        }
    }
    return detail::codePointsToUtf8(detail::toNfc(cps));
}

namespace {

std::string describe(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string s = buf;
    if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && cp != 0xFFFD) {
        s += " '";
        if (detail::isCombiningMark(cp)) s += "\u25CC";  // dotted circle to carry the mark
        detail::appendUtf8(s, cp);
        s += "'";
    }
    return s;
}

// How one encoding writes characters: whole characters, and combining marks on
// their own (which VNI writes differently after capitals).
class CharEncoder {
public:
    explicit CharEncoder(TextEncoding encoding) : encoding_(encoding) {
        const detail::ByteTable& table = detail::byteTable(encoding);
        if (encoding == TextEncoding::Vni) {
            addVniLetters();
            for (int b = 0; b < 256; ++b) {
                const ByteReading& r = table[b];
                // Bytes that read as one character that is not a mark: ASCII, the
                // letters VNI writes in one byte, and the windows-1252 symbols.
                if (r.first == kUndefinedByte || r.second != 0 || detail::isCombiningMark(r.first)) continue;
                whole_.try_emplace(r.first, std::string(1, static_cast<char>(b)));
            }
        } else {
            for (int b = 0; b < 256; ++b) {
                const ByteReading& r = table[b];
                if (r.first == kUndefinedByte || r.second != 0) continue;
                whole_.try_emplace(r.first, std::string(1, static_cast<char>(b)));
            }
        }
    }

    bool encodeWhole(char32_t cp, std::string& out) const {
        const auto it = whole_.find(cp);
        if (it == whole_.end()) return false;
        out += it->second;
        return true;
    }

    bool encodeMark(char32_t mark, bool afterCapital, std::string& out) const {
        if (encoding_ != TextEncoding::Vni) {
            if (!detail::isCombiningMark(mark)) return false;
            return encodeWhole(mark, out);
        }
        using detail::VniTone;
        detail::VniCaseBytes bytes{};
        switch (mark) {
        case 0x0301: bytes = detail::vniToneByte(VniTone::Acute); break;
        case 0x0300: bytes = detail::vniToneByte(VniTone::Grave); break;
        case 0x0309: bytes = detail::vniToneByte(VniTone::Hook); break;
        case 0x0303: bytes = detail::vniToneByte(VniTone::Tilde); break;
        case 0x0323: bytes = detail::vniToneByte(VniTone::Dot); break;
        case 0x0302: bytes = detail::vniCircumflexByte(VniTone::None); break;
        case 0x0306: bytes = detail::vniBreveByte(VniTone::None); break;
        default: return false;
        }
        out.push_back(static_cast<char>(afterCapital ? bytes.upper : bytes.lower));
        return true;
    }

private:
    void putVni(char32_t lowerLetter, char32_t upperLetter, char lowerBase, char upperBase,
                detail::VniCaseBytes mark) {
        whole_[lowerLetter] = std::string{lowerBase, static_cast<char>(mark.lower)};
        whole_[upperLetter] = std::string{upperBase, static_cast<char>(mark.upper)};
    }

    void addVniLetters() {
        using detail::VniTone;
        constexpr VniTone tones[] = {VniTone::Acute, VniTone::Grave, VniTone::Hook, VniTone::Tilde,
                                     VniTone::Dot};
        constexpr char32_t toneMarks[] = {0x0301, 0x0300, 0x0309, 0x0303, 0x0323};
        const auto composed = [](std::u32string seq) {
            const std::u32string c = detail::toNfc(seq);
            return c.size() == 1 ? c[0] : char32_t{0};
        };
        // Plain vowels with a tone mark: base + tone byte. ơ and ư are one byte.
        struct Base {
            char32_t lower, upper;
            std::string lowerBytes, upperBytes;
        };
        const std::vector<Base> plain = {
            {U'a', U'A', "a", "A"}, {U'e', U'E', "e", "E"}, {U'o', U'O', "o", "O"},
            {U'u', U'U', "u", "U"}, {U'y', U'Y', "y", "Y"},
            {U'ơ', U'Ơ', std::string(1, static_cast<char>(detail::kVniOHorn.lower)),
             std::string(1, static_cast<char>(detail::kVniOHorn.upper))},
            {U'ư', U'Ư', std::string(1, static_cast<char>(detail::kVniUHorn.lower)),
             std::string(1, static_cast<char>(detail::kVniUHorn.upper))}};
        for (const Base& b : plain) {
            whole_[b.lower] = b.lowerBytes;
            whole_[b.upper] = b.upperBytes;
            for (int t = 0; t < 5; ++t) {
                const detail::VniCaseBytes tb = detail::vniToneByte(tones[t]);
                whole_[composed({b.lower, toneMarks[t]})] = b.lowerBytes + static_cast<char>(tb.lower);
                whole_[composed({b.upper, toneMarks[t]})] = b.upperBytes + static_cast<char>(tb.upper);
            }
        }
        // â ê ô and ă, bare and with each tone: base + one combined byte.
        const std::pair<char, char> circumflexBases[] = {{'a', 'A'}, {'e', 'E'}, {'o', 'O'}};
        for (const auto& [lo, up] : circumflexBases) {
            putVni(composed({char32_t(lo), 0x0302}), composed({char32_t(up), 0x0302}), lo, up,
                   detail::vniCircumflexByte(VniTone::None));
            for (int t = 0; t < 5; ++t)
                putVni(composed({char32_t(lo), 0x0302, toneMarks[t]}),
                       composed({char32_t(up), 0x0302, toneMarks[t]}), lo, up,
                       detail::vniCircumflexByte(tones[t]));
        }
        putVni(U'ă', U'Ă', 'a', 'A', detail::vniBreveByte(VniTone::None));
        for (int t = 0; t < 5; ++t)
            putVni(composed({U'a', 0x0306, toneMarks[t]}), composed({U'A', 0x0306, toneMarks[t]}),
                   'a', 'A', detail::vniBreveByte(tones[t]));
        // The i's with a tone, đ and ỵ have bytes of their own.
        for (int t = 0; t < 5; ++t) {
            const detail::VniCaseBytes ib = detail::vniIWithTone(tones[t]);
            whole_[composed({U'i', toneMarks[t]})] = std::string(1, static_cast<char>(ib.lower));
            whole_[composed({U'I', toneMarks[t]})] = std::string(1, static_cast<char>(ib.upper));
        }
        whole_[U'đ'] = std::string(1, static_cast<char>(detail::kVniDStroke.lower));
        whole_[U'Đ'] = std::string(1, static_cast<char>(detail::kVniDStroke.upper));
        whole_[U'ỵ'] = std::string(1, static_cast<char>(detail::kVniYDot.lower));
        whole_[U'Ỵ'] = std::string(1, static_cast<char>(detail::kVniYDot.upper));
    }

    TextEncoding encoding_;
    std::unordered_map<char32_t, std::string> whole_;
};

const CharEncoder& charEncoder(TextEncoding encoding) {
    static const CharEncoder cp1258(TextEncoding::Cp1258);
    static const CharEncoder tcvn3(TextEncoding::Tcvn3);
    static const CharEncoder vni(TextEncoding::Vni);
    static const CharEncoder viscii(TextEncoding::Viscii);
    static const CharEncoder latin1(TextEncoding::Latin1);
    switch (encoding) {
    case TextEncoding::Cp1258: return cp1258;
    case TextEncoding::Tcvn3: return tcvn3;
    case TextEncoding::Vni: return vni;
    case TextEncoding::Viscii: return viscii;
    case TextEncoding::Latin1: return latin1;
    case TextEncoding::Utf8: break;
    }
    throw std::logic_error("charEncoder: UTF-8 needs no encoder");
}

// Writes one character as a precomposed letter the encoding has followed by
// combining marks it has: ậ is â + dot below in Windows-1258 although its
// canonical decomposition is a + dot below + circumflex. Tries the subsets of the
// marks that join the base, largest first, and keeps only a spelling that is
// canonically equivalent to the character.
bool encodeDecomposed(const CharEncoder& enc, char32_t cp, std::string& out) {
    const std::u32string nfd = detail::toNfd(std::u32string(1, cp));
    if (nfd.size() < 2 || nfd.size() > 5) return false;
    const std::u32string marks = nfd.substr(1);
    const unsigned subsets = 1u << marks.size();
    const bool capital = detail::isUpper(nfd[0]);
    for (unsigned size = static_cast<unsigned>(marks.size()); size-- > 0;) {
        for (unsigned mask = 0; mask < subsets; ++mask) {
            if (static_cast<unsigned>(__builtin_popcount(mask)) != size) continue;
            std::u32string headSeq(1, nfd[0]), rest;
            for (std::size_t m = 0; m < marks.size(); ++m)
                (mask & (1u << m) ? headSeq : rest).push_back(marks[m]);
            const std::u32string head = detail::toNfc(headSeq);
            if (head.size() != 1) continue;
            if (detail::toNfc(head + rest) != std::u32string(1, cp)) continue;
            std::string bytes;
            if (!enc.encodeWhole(head[0], bytes)) continue;
            bool ok = true;
            for (std::size_t m = 0; ok && m < rest.size(); ++m) ok = enc.encodeMark(rest[m], capital, bytes);
            if (ok) {
                out += bytes;
                return true;
            }
        }
    }
    return false;
}

}  // namespace

std::string encodeFromUtf8(std::string_view utf8, TextEncoding encoding) {
    std::size_t bad = std::string::npos;
    const std::u32string raw = detail::utf8ToCodePoints(utf8, nullptr, &bad);
    if (bad != std::string::npos)
        throw TextEncodingError("ill-formed UTF-8 at byte " + std::to_string(bad) + " of the text to encode as " +
                                    std::string(encodingDisplayName(encoding)),
                                bad, U'\uFFFD');
    const std::u32string text = detail::toNfc(raw);
    if (encoding == TextEncoding::Utf8) return detail::codePointsToUtf8(text);

    const CharEncoder& enc = charEncoder(encoding);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t offset = 0;  // in the NFC UTF-8 text
    bool previousCapital = false;
    for (char32_t cp : text) {
        bool ok = enc.encodeWhole(cp, out);
        if (!ok && detail::isCombiningMark(cp)) ok = enc.encodeMark(cp, previousCapital, out);
        if (!ok) ok = encodeDecomposed(enc, cp, out);
        if (!ok) {
            std::string where = "character " + describe(cp) + " at byte " + std::to_string(offset);
            throw TextEncodingError(where + " cannot be written in " + std::string(encodingDisplayName(encoding)),
                                    offset, cp);
        }
        if (!detail::isCombiningMark(cp)) previousCapital = detail::isUpper(cp);
        offset += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    return out;
}

}  // namespace planmap::geo
