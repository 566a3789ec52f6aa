// Vietnamese legacy text encodings: names, decoding to Unicode (UTF-8, NFC),
// encoding back, and detection of the encoding of a layer's attribute text.
//
// Shapefiles made in Vietnam carry their attribute text in one of several
// encodings, often without a .cpg file that says which:
//   - TCVN3 ("ABC", the .VnTime fonts): one byte per letter. The decoder reads the
//     full TCVN 5712:1993 VN1 table, a superset of the ABC subset (VN3); the encoder
//     writes VN1 codes for the capital letters with tone marks that VN3 lacks.
//   - VNI-Windows (the VNI-Times fonts): a base letter followed by one trailing byte
//     that carries the marks (a + 0xF9 = á, a + 0xE1 = ấ), with a few letters of
//     their own (ơ ư đ, the i's with tone marks, ỵ).
//   - VISCII (RFC 1456): one byte per letter, six capitals in C0 control positions.
//   - Windows-1258: precomposed letters where they exist, combining tone marks
//     otherwise (a + 0xEC = á).
//   - UTF-8.
// Latin1 is the fallback for text that is not Vietnamese; it is read as
// windows-1252, as web browsers do for the label "ISO-8859-1".
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace planmap::geo {

enum class TextEncoding { Utf8, Cp1258, Tcvn3, Vni, Viscii, Latin1 /* fallback */ };

// Every encoding, in the order detection prefers them when two read equally well
// (and equally often as frequent Vietnamese syllables).
const std::vector<TextEncoding>& allTextEncodings();

// Short machine name: "utf-8", "cp1258", "tcvn3", "vni", "viscii", "latin1".
std::string_view encodingName(TextEncoding encoding);
// Name for people: "UTF-8", "Windows-1258", "TCVN3 (ABC)", "VNI-Windows", "VISCII", "Latin-1".
std::string_view encodingDisplayName(TextEncoding encoding);

// Reads a name or a common alias ("ABC", "VNI-Windows", "windows-1258", "1258",
// "ANSI 1258", "65001", "ISO-8859-1"...). Case, spaces, '-', '_' and '.' are ignored.
std::optional<TextEncoding> parseEncoding(std::string_view name);

// Reads the content of a shapefile .cpg file (UTF-8 BOM, surrounding white space
// and line ends are ignored). nullopt when the file is empty or names an encoding
// this module does not read (e.g. "GBK").
std::optional<TextEncoding> cpgToEncoding(std::string_view cpgContent);

// Decodes bytes to UTF-8 in Unicode normalization form C. Never throws on bad
// input: bytes that do not decode become U+FFFD, and their number is added to
// *replacedBytes when it is given. For UTF-8 input, each maximal ill-formed
// subsequence becomes one U+FFFD (and counts its bytes).
std::string decodeToUtf8(std::string_view bytes, TextEncoding encoding,
                         std::size_t* replacedBytes = nullptr);

// A character that the target encoding cannot represent, or ill-formed UTF-8 input.
class TextEncodingError : public std::runtime_error {
public:
    TextEncodingError(const std::string& message, std::size_t byteOffset, char32_t codePoint);
    // Offset in the UTF-8 input of the offending character (after NFC).
    std::size_t byteOffset() const noexcept { return byteOffset_; }
    // The offending character; U+FFFD for ill-formed input.
    char32_t codePoint() const noexcept { return codePoint_; }

private:
    std::size_t byteOffset_;
    char32_t codePoint_;
};

// Encodes UTF-8 text (normalized to NFC first) into the encoding. A character
// without a code of its own is written as its base letter followed by combining
// marks where the encoding has them (e.g. ũ → u + 0xDE in Windows-1258). Throws
// TextEncodingError naming the character and its offset when it cannot be written.
std::string encodeFromUtf8(std::string_view utf8, TextEncoding encoding);

// True when the UTF-8 word (letters only, no spaces) is a well-formed Vietnamese
// syllable: an onset, a rhyme, at most one tone mark and it on a vowel, only the
// sắc or nặng tone before a final c, ch, p or t, and a case pattern of "xã", "Xã"
// or "XÃ". Both tone placements ("hoà" and "hòa") are accepted.
bool isVietnameseSyllable(std::string_view utf8Word);

struct EncodingCandidate {
    TextEncoding encoding;
    double score = 0.0;   // 0 … 1, higher is more plausible
    std::string reason;   // short, e.g. "TCVN3: 87 % of words are valid Vietnamese syllables (123 of 141)"
    bool sameTextAsBest = false;  // decodes the samples to exactly the same text as the best candidate
};

struct EncodingGuess {
    // Every encoding, best first.
    std::vector<EncodingCandidate> candidates;
    // False when the evidence is thin (few words with non-ASCII letters) or when a
    // candidate that reads the samples differently scores nearly as well.
    bool confident = false;
    // Number of words that contain non-ASCII characters in the best reading: the
    // evidence the scores rest on.
    std::size_t evidenceWords = 0;

    TextEncoding best() const { return candidates.front().encoding; }
};

// Guesses the encoding of a set of attribute strings of one layer. Each candidate
// is decoded and scored by how Vietnamese the result reads (the share of words
// holding non-ASCII characters that are valid syllables); U+FFFD, control
// characters and stray symbols count against it. Samples that are all ASCII give
// Utf8 with the reason "ASCII only". Never throws on bad input; thread-safe.
// Values that end in a UTF-8 letter cut by the DBF field width do not count
// against UTF-8. The cost is linear, roughly 1 MB of text per second: pass a few
// thousand values of a layer rather than all of a large one.
EncodingGuess detectEncoding(const std::vector<std::string_view>& samples);

}  // namespace planmap::geo
