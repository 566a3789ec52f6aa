// Byte tables of TCVN3, VISCII, Windows-1258, VNI-Windows and windows-1252.
//
// Sources: TCVN 5712:1993 (table VN1, of which the ABC/.VnTime set VN3 is the
// subset in 0xA1–0xFE), RFC 1456 (VISCII), Microsoft's code pages 1252 and 1258,
// and the VNI-Windows font layout (base letter + trailing mark byte). The tests
// check every byte of TCVN3, VISCII and Windows-1258 against the C library's
// iconv converters, and every Vietnamese letter of all five against round trips.
#include "TextEncodingTables.h"

#include <string_view>

namespace planmap::geo::detail {
namespace {

// windows-1252 0x80–0x9F; 0 marks the five bytes Microsoft leaves undefined.
constexpr char32_t kCp1252C1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// TCVN 5712:1993 VN1, 0x80–0xFF. 0xB0–0xB4 are combining tone marks.
constexpr std::u32string_view kTcvn3High =
    U"ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"                              // 0x80
    U"ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"                              // 0x90
    U"\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ"                         // 0xA0
    U"\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"     // 0xB0
    U"ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"                              // 0xC0
    U"éẹềểễếệìỉỄẾỒĩíịò"                              // 0xD0
    U"Ổỏõóọồổỗốộờởỡớợù"                              // 0xE0
    U"ỖủũúụừửữứựỳỷỹýỵỐ";                             // 0xF0
static_assert(kTcvn3High.size() == 128);
// VN1 puts the capitals that do not fit above in C0 control positions.
constexpr std::pair<unsigned char, char32_t> kTcvn3C0[] = {
    {0x01, U'Ú'}, {0x02, U'Ụ'}, {0x04, U'Ừ'}, {0x05, U'Ử'}, {0x06, U'Ữ'}, {0x11, U'Ứ'},
    {0x12, U'Ự'}, {0x13, U'Ỳ'}, {0x14, U'Ỷ'}, {0x15, U'Ỹ'}, {0x16, U'Ý'}, {0x17, U'Ỵ'}};

// RFC 1456 VISCII, 0x80–0xFF.
constexpr std::u32string_view kVisciiHigh =
    U"ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"    // 0x80
    U"ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"    // 0x90
    U"Õắằặấầẩậẽẹếềểễệố"    // 0xA0
    U"ồổỗỠƠộờởịỰỨỪỬơớƯ"    // 0xB0
    U"ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"    // 0xC0
    U"ĐứÒÓÔạỷừửÙÚỹỵÝỡư"    // 0xD0
    U"àáâãảăữẫèéêẻìíĩỉ"    // 0xE0
    U"đựòóôõỏọụùúũủýợỮ";   // 0xF0
static_assert(kVisciiHigh.size() == 128);
constexpr std::pair<unsigned char, char32_t> kVisciiC0[] = {
    {0x02, U'Ẳ'}, {0x05, U'Ẵ'}, {0x06, U'Ẫ'}, {0x14, U'Ỷ'}, {0x19, U'Ỹ'}, {0x1E, U'Ỵ'}};

// Windows-1258 0xC0–0xFF differs from Latin-1 in these places (four combining
// tone marks, the dot below, the Vietnamese letters and the đồng sign).
constexpr std::pair<unsigned char, char32_t> kCp1258Changes[] = {
    {0xC3, U'Ă'}, {0xCC, U'\u0300'}, {0xD0, U'Đ'}, {0xD2, U'\u0309'}, {0xD5, U'Ơ'},
    {0xDD, U'Ư'}, {0xDE, U'\u0303'}, {0xE3, U'ă'}, {0xEC, U'\u0301'}, {0xF0, U'đ'},
    {0xF2, U'\u0323'}, {0xF5, U'ơ'}, {0xFD, U'ư'}, {0xFE, U'\u20AB'}};
// ... and lacks S/Z with caron in 0x80–0x9F.
constexpr unsigned char kCp1258Undefined[] = {0x8A, 0x8E, 0x9A, 0x9E};

constexpr char32_t kAcute = 0x0301, kGrave = 0x0300, kHook = 0x0309, kTilde = 0x0303,
                   kDotBelow = 0x0323, kCircumflex = 0x0302, kBreve = 0x0306;

constexpr VniTone kTones[] = {VniTone::Acute, VniTone::Grave, VniTone::Hook, VniTone::Tilde,
                              VniTone::Dot};

char32_t toneMark(VniTone tone) {
    switch (tone) {
    case VniTone::Acute: return kAcute;
    case VniTone::Grave: return kGrave;
    case VniTone::Hook: return kHook;
    case VniTone::Tilde: return kTilde;
    case VniTone::Dot: return kDotBelow;
    case VniTone::None: break;
    }
    return 0;
}

void fillIdentity(ByteTable& t, int from, int to) {
    for (int b = from; b <= to; ++b) t[b] = {static_cast<char32_t>(b), 0};
}

void fillCp1252C1(ByteTable& t, bool undefinedAsC1Controls) {
    for (int i = 0; i < 32; ++i) {
        const char32_t cp = kCp1252C1[i];
        if (cp != 0)
            t[0x80 + i] = {cp, 0};
        else
            t[0x80 + i] = {undefinedAsC1Controls ? static_cast<char32_t>(0x80 + i) : kUndefinedByte, 0};
    }
}

ByteTable makeLatin1() {
    ByteTable t{};
    fillIdentity(t, 0x00, 0xFF);
    fillCp1252C1(t, /*undefinedAsC1Controls=*/true);
    return t;
}

ByteTable makeCp1258() {
    ByteTable t{};
    fillIdentity(t, 0x00, 0xFF);
    fillCp1252C1(t, false);
    for (unsigned char b : kCp1258Undefined) t[b] = {kUndefinedByte, 0};
    for (const auto& [b, cp] : kCp1258Changes) t[b] = {cp, 0};
    return t;
}

ByteTable makeSingleByte(std::u32string_view high,
                         const std::pair<unsigned char, char32_t>* c0, std::size_t c0Count) {
    ByteTable t{};
    fillIdentity(t, 0x00, 0x7F);
    for (std::size_t i = 0; i < c0Count; ++i) t[c0[i].first] = {c0[i].second, 0};
    for (int i = 0; i < 128; ++i) t[0x80 + i] = {high[i], 0};
    return t;
}

ByteTable makeVni() {
    ByteTable t{};
    fillIdentity(t, 0x00, 0xFF);
    fillCp1252C1(t, false);
    const auto set = [&t](VniCaseBytes bytes, char32_t first, char32_t second) {
        t[bytes.lower] = {first, second};
        t[bytes.upper] = {first, second};
    };
    // Trailing mark bytes read as combining marks; NFC joins them to the letter.
    set(vniCircumflexByte(VniTone::None), kCircumflex, 0);
    set(vniBreveByte(VniTone::None), kBreve, 0);
    for (VniTone tone : kTones) {
        set(vniToneByte(tone), toneMark(tone), 0);
        set(vniCircumflexByte(tone), kCircumflex, toneMark(tone));
        set(vniBreveByte(tone), kBreve, toneMark(tone));
    }
    // Letters that VNI writes as one byte.
    const char32_t iLower[] = {U'í', U'ì', U'ỉ', U'ĩ', U'ị'};
    const char32_t iUpper[] = {U'Í', U'Ì', U'Ỉ', U'Ĩ', U'Ị'};
    for (int k = 0; k < 5; ++k) {
        const VniCaseBytes b = vniIWithTone(kTones[k]);
        t[b.lower] = {iLower[k], 0};
        t[b.upper] = {iUpper[k], 0};
    }
    t[kVniOHorn.lower] = {U'ơ', 0};
    t[kVniOHorn.upper] = {U'Ơ', 0};
    t[kVniUHorn.lower] = {U'ư', 0};
    t[kVniUHorn.upper] = {U'Ư', 0};
    t[kVniDStroke.lower] = {U'đ', 0};
    t[kVniDStroke.upper] = {U'Đ', 0};
    t[kVniYDot.lower] = {U'ỵ', 0};
    t[kVniYDot.upper] = {U'Ỵ', 0};
    return t;
}

}  // namespace

VniCaseBytes vniToneByte(VniTone tone) {
    switch (tone) {
    case VniTone::Acute: return {0xF9, 0xD9};
    case VniTone::Grave: return {0xF8, 0xD8};
    case VniTone::Hook: return {0xFB, 0xDB};
    case VniTone::Tilde: return {0xF5, 0xD5};
    case VniTone::Dot: return {0xEF, 0xCF};
    case VniTone::None: break;
    }
    return {0, 0};
}

VniCaseBytes vniCircumflexByte(VniTone tone) {
    switch (tone) {
    case VniTone::None: return {0xE2, 0xC2};
    case VniTone::Acute: return {0xE1, 0xC1};
    case VniTone::Grave: return {0xE0, 0xC0};
    case VniTone::Hook: return {0xE5, 0xC5};
    case VniTone::Tilde: return {0xE3, 0xC3};
    case VniTone::Dot: return {0xE4, 0xC4};
    }
    return {0, 0};
}

VniCaseBytes vniBreveByte(VniTone tone) {
    switch (tone) {
    case VniTone::None: return {0xEA, 0xCA};
    case VniTone::Acute: return {0xE9, 0xC9};
    case VniTone::Grave: return {0xE8, 0xC8};
    case VniTone::Hook: return {0xFA, 0xDA};
    case VniTone::Tilde: return {0xFC, 0xDC};
    case VniTone::Dot: return {0xEB, 0xCB};
    }
    return {0, 0};
}

VniCaseBytes vniIWithTone(VniTone tone) {
    switch (tone) {
    case VniTone::Acute: return {0xED, 0xCD};
    case VniTone::Grave: return {0xEC, 0xCC};
    case VniTone::Hook: return {0xE6, 0xC6};
    case VniTone::Tilde: return {0xF3, 0xD3};
    case VniTone::Dot: return {0xF2, 0xD2};
    case VniTone::None: break;
    }
    return {0, 0};
}

const ByteTable& byteTable(TextEncoding encoding) {
    static const ByteTable latin1 = makeLatin1();
    static const ByteTable cp1258 = makeCp1258();
    static const ByteTable tcvn3 = makeSingleByte(kTcvn3High, kTcvn3C0, std::size(kTcvn3C0));
    static const ByteTable viscii = makeSingleByte(kVisciiHigh, kVisciiC0, std::size(kVisciiC0));
    static const ByteTable vni = makeVni();
    switch (encoding) {
    case TextEncoding::Cp1258: return cp1258;
    case TextEncoding::Tcvn3: return tcvn3;
    case TextEncoding::Viscii: return viscii;
    case TextEncoding::Vni: return vni;
    case TextEncoding::Latin1: return latin1;
    case TextEncoding::Utf8: break;
    }
    throw std::logic_error("byteTable: UTF-8 has no byte table");
}

}  // namespace planmap::geo::detail
