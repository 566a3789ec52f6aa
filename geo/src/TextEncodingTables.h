// Internal: byte tables of the single-byte and VNI encodings (see TextEncoding.h).
#pragma once

#include "planmap/geo/TextEncoding.h"

#include <array>

namespace planmap::geo::detail {

// What one byte reads as: one or two code points (VNI's trailing bytes carry a
// circumflex or breve and a tone mark). first == kUndefinedByte when the byte has
// no meaning in the encoding.
struct ByteReading {
    char32_t first = 0;
    char32_t second = 0;  // 0 when the byte reads as one code point
};
inline constexpr char32_t kUndefinedByte = 0xFFFFFFFF;
using ByteTable = std::array<ByteReading, 256>;

// The table of an encoding other than Utf8. Built once, thread-safe.
const ByteTable& byteTable(TextEncoding encoding);

// VNI-Windows: the trailing bytes that carry marks, by tone and case.
enum class VniTone { None, Acute, Grave, Hook, Tilde, Dot };
struct VniCaseBytes {
    unsigned char lower;
    unsigned char upper;
};
// Tone mark after a plain vowel (a e o u y ơ ư; also i when written as two bytes).
VniCaseBytes vniToneByte(VniTone tone);                 // tone != None
// Circumflex (after a e o) combined with a tone; None gives the bare circumflex.
VniCaseBytes vniCircumflexByte(VniTone tone);
// Breve (after a) combined with a tone; None gives the bare breve.
VniCaseBytes vniBreveByte(VniTone tone);
// The i's with a tone mark, which VNI writes as one byte of their own.
VniCaseBytes vniIWithTone(VniTone tone);                // tone != None
inline constexpr VniCaseBytes kVniOHorn{0xF4, 0xD4};    // ơ Ơ
inline constexpr VniCaseBytes kVniUHorn{0xF6, 0xD6};    // ư Ư
inline constexpr VniCaseBytes kVniDStroke{0xF1, 0xD1};  // đ Đ
inline constexpr VniCaseBytes kVniYDot{0xEE, 0xCE};     // ỵ Ỵ

}  // namespace planmap::geo::detail
