// Vietnamese legacy encodings: tables, round trips, detection, .cpg files.
//
// Independent references: the C library's iconv converters (TCVN5712-1, VISCII,
// CP1258) for the byte tables, and fixture files in tests/fixtures/encoding that
// other software wrote (see the README there).
#include "planmap/geo/TextEncoding.h"

#include <gtest/gtest.h>

#include <iconv.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace planmap::geo {
namespace {

const std::vector<TextEncoding> kVietnamese = {TextEncoding::Utf8, TextEncoding::Tcvn3, TextEncoding::Vni,
                                               TextEncoding::Cp1258, TextEncoding::Viscii};

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(line);
    return lines;
}

std::vector<std::string_view> views(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

// iconv from the C library, as an independent converter. nullopt when the
// conversion is not available or the input does not convert.
std::optional<std::string> iconvConvert(const char* from, const char* to, std::string_view input) {
    iconv_t cd = iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out(input.size() * 8 + 16, '\0');
    char* in = const_cast<char*>(input.data());
    std::size_t inLeft = input.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    std::size_t r = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    if (r != static_cast<std::size_t>(-1)) r = iconv(cd, nullptr, nullptr, &outPtr, &outLeft);  // flush
    iconv_close(cd);
    if (r == static_cast<std::size_t>(-1)) return std::nullopt;
    out.resize(out.size() - outLeft);
    return out;
}

const char* iconvName(TextEncoding e) {
    switch (e) {
    case TextEncoding::Tcvn3: return "TCVN5712-1";
    case TextEncoding::Viscii: return "VISCII";
    case TextEncoding::Cp1258: return "CP1258";
    default: return nullptr;
    }
}

bool iconvAvailable(TextEncoding e) {
    const char* name = iconvName(e);
    if (!name) return false;
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    iconv_close(cd);
    return true;
}

// Strict UTF-8 well-formedness (no overlongs, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view s) {
    std::size_t replaced = 0;
    decodeToUtf8(s, TextEncoding::Utf8, &replaced);
    return replaced == 0;
}

// Every Vietnamese vowel letter with every tone, in both cases, and Đ đ.
std::vector<std::string> allVietnameseLetters() {
    const char* vowels[] = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
    const char* tones[] = {"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"};
    std::vector<std::string> letters;
    for (const char* v : vowels) {
        for (const char* t : tones) {
            const std::string lower = decodeToUtf8(std::string(v) + t, TextEncoding::Utf8);  // NFC
            letters.push_back(lower);
        }
    }
    const std::size_t n = letters.size();
    // Capitals: the same letters from capital bases.
    const char* upperVowels[] = {"A", "Ă", "Â", "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "Y"};
    for (const char* v : upperVowels)
        for (const char* t : tones) letters.push_back(decodeToUtf8(std::string(v) + t, TextEncoding::Utf8));
    EXPECT_EQ(letters.size(), 2 * n);
    letters.push_back("đ");
    letters.push_back("Đ");
    return letters;
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

TEST(TextEncodingNames, NamesParseBack) {
    for (TextEncoding e : allTextEncodings()) {
        EXPECT_EQ(parseEncoding(encodingName(e)), e) << encodingName(e);
        EXPECT_FALSE(encodingDisplayName(e).empty());
    }
    EXPECT_EQ(allTextEncodings().size(), 6u);
}

TEST(TextEncodingNames, CommonAliases) {
    EXPECT_EQ(parseEncoding("ABC"), TextEncoding::Tcvn3);
    EXPECT_EQ(parseEncoding("TCVN3"), TextEncoding::Tcvn3);
    EXPECT_EQ(parseEncoding(".VnTime"), TextEncoding::Tcvn3);
    EXPECT_EQ(parseEncoding("VNI-Windows"), TextEncoding::Vni);
    EXPECT_EQ(parseEncoding("vni win"), TextEncoding::Vni);
    EXPECT_EQ(parseEncoding("windows-1258"), TextEncoding::Cp1258);
    EXPECT_EQ(parseEncoding("1258"), TextEncoding::Cp1258);
    EXPECT_EQ(parseEncoding("CP_1258"), TextEncoding::Cp1258);
    EXPECT_EQ(parseEncoding("VISCII"), TextEncoding::Viscii);
    EXPECT_EQ(parseEncoding("UTF8"), TextEncoding::Utf8);
    EXPECT_EQ(parseEncoding("ISO-8859-1"), TextEncoding::Latin1);
    EXPECT_EQ(parseEncoding("ANSI 1252"), TextEncoding::Latin1);
    EXPECT_FALSE(parseEncoding("GBK").has_value());
    EXPECT_FALSE(parseEncoding("").has_value());
    EXPECT_FALSE(parseEncoding("utf-16").has_value());
}

TEST(TextEncodingNames, CpgFiles) {
    EXPECT_EQ(cpgToEncoding("UTF-8"), TextEncoding::Utf8);
    EXPECT_EQ(cpgToEncoding("UTF-8\r\n"), TextEncoding::Utf8);
    EXPECT_EQ(cpgToEncoding("\xEF\xBB\xBFUTF-8\n"), TextEncoding::Utf8);
    EXPECT_EQ(cpgToEncoding("65001"), TextEncoding::Utf8);
    EXPECT_EQ(cpgToEncoding("  1258 \n"), TextEncoding::Cp1258);
    EXPECT_EQ(cpgToEncoding("ANSI 1258"), TextEncoding::Cp1258);
    EXPECT_EQ(cpgToEncoding("windows-1258"), TextEncoding::Cp1258);
    EXPECT_EQ(cpgToEncoding("1252"), TextEncoding::Latin1);
    EXPECT_EQ(cpgToEncoding("88591"), TextEncoding::Latin1);
    EXPECT_EQ(cpgToEncoding("TCVN3\nsecond line ignored"), TextEncoding::Tcvn3);
    EXPECT_EQ(cpgToEncoding("VNI-Windows"), TextEncoding::Vni);
    EXPECT_FALSE(cpgToEncoding("").has_value());
    EXPECT_FALSE(cpgToEncoding(" \r\n").has_value());
    EXPECT_FALSE(cpgToEncoding("936").has_value());
    EXPECT_FALSE(cpgToEncoding(std::string_view("\0\0", 2)).has_value());
}

// ---------------------------------------------------------------------------
// Tables and round trips
// ---------------------------------------------------------------------------

TEST(TextEncodingTables, EveryVietnameseLetterRoundTripsInEveryEncoding) {
    const std::vector<std::string> letters = allVietnameseLetters();
    ASSERT_EQ(letters.size(), 146u);  // 12 vowels × 6 tones × 2 cases + đ Đ
    const auto nonAscii = std::count_if(letters.begin(), letters.end(), [](const std::string& s) {
        return static_cast<unsigned char>(s[0]) >= 0x80;
    });
    EXPECT_EQ(nonAscii, 134);  // the 134 letters with marks
    for (TextEncoding e : kVietnamese) {
        std::set<std::string> codes;
        for (const std::string& letter : letters) {
            std::string bytes;
            ASSERT_NO_THROW(bytes = encodeFromUtf8(letter, e)) << letter << " in " << encodingName(e);
            EXPECT_EQ(decodeToUtf8(bytes, e), letter) << encodingName(e);
            EXPECT_TRUE(codes.insert(bytes).second) << "two letters share a code in " << encodingName(e);
        }
        // Single-byte encodings give every letter one byte, except Windows-1258,
        // which adds a combining tone mark, and VNI, which adds a mark byte.
        if (e == TextEncoding::Tcvn3 || e == TextEncoding::Viscii) {
            for (const std::string& letter : letters) EXPECT_EQ(encodeFromUtf8(letter, e).size(), 1u) << letter;
        }
    }
}

TEST(TextEncodingTables, EveryByteDecodesLikeIconv) {
    for (TextEncoding e : {TextEncoding::Tcvn3, TextEncoding::Viscii, TextEncoding::Cp1258}) {
        if (!iconvAvailable(e)) GTEST_SKIP() << "iconv lacks " << iconvName(e);
        int compared = 0;
        for (int b = 0; b < 256; ++b) {
            const std::string byte(1, static_cast<char>(b));
            std::size_t replaced = 0;
            const std::string ours = decodeToUtf8(byte, e, &replaced);
            const std::optional<std::string> theirs = iconvConvert(iconvName(e), "UTF-8", byte);
            if (!theirs) {
                EXPECT_EQ(ours, "\uFFFD") << encodingName(e) << " byte " << b;
                EXPECT_EQ(replaced, 1u);
                continue;
            }
            EXPECT_EQ(replaced, 0u) << encodingName(e) << " byte " << b;
            EXPECT_EQ(ours, decodeToUtf8(*theirs, TextEncoding::Utf8)) << encodingName(e) << " byte " << b;
            ++compared;
        }
        EXPECT_GE(compared, 247) << encodingName(e);
    }
}

TEST(TextEncodingTables, EveryLetterEncodesLikeIconv) {
    for (TextEncoding e : {TextEncoding::Tcvn3, TextEncoding::Viscii, TextEncoding::Cp1258}) {
        if (!iconvAvailable(e)) GTEST_SKIP() << "iconv lacks " << iconvName(e);
        for (const std::string& letter : allVietnameseLetters()) {
            const std::optional<std::string> theirs = iconvConvert("UTF-8", iconvName(e), letter);
            ASSERT_TRUE(theirs.has_value()) << letter;
            EXPECT_EQ(encodeFromUtf8(letter, e), *theirs) << letter << " in " << encodingName(e);
        }
    }
}

TEST(TextEncodingTables, VniFollowsTheBaseAndMarkLayout) {
    // From the VNI-Windows layout: tone bytes ù ø û õ ï (capitals Ù Ø Û Õ Ï),
    // circumflex â, breve ê, ơ = ô, ư = ö, đ = ñ, the i's and ỵ one byte each.
    EXPECT_EQ(encodeFromUtf8("Nguyễn", TextEncoding::Vni), "Nguye\xE3n");
    EXPECT_EQ(encodeFromUtf8("Việt", TextEncoding::Vni), "Vie\xE4t");
    EXPECT_EQ(encodeFromUtf8("Đường", TextEncoding::Vni), "\xD1\xF6\xF4\xF8ng");
    EXPECT_EQ(encodeFromUtf8("ĐẤT", TextEncoding::Vni), "\xD1" "A\xC1T");
    EXPECT_EQ(encodeFromUtf8("Bắc", TextEncoding::Vni), "Ba\xE9" "c");
    EXPECT_EQ(encodeFromUtf8("Lạng Sơn", TextEncoding::Vni), "La\xEFng S\xF4n");
    EXPECT_EQ(encodeFromUtf8("Kỳ", TextEncoding::Vni), "Ky\xF8");
    EXPECT_EQ(encodeFromUtf8("Tịch", TextEncoding::Vni), "T\xF2" "ch");
    EXPECT_EQ(encodeFromUtf8("ỵ", TextEncoding::Vni), "\xEE");
    EXPECT_EQ(encodeFromUtf8("khuỷu", TextEncoding::Vni), "khuy\xFBu");
    EXPECT_EQ(decodeToUtf8("Vie\xE4t Nam", TextEncoding::Vni), "Việt Nam");
    // A tone byte after i reads as the same letter as the i's own byte.
    EXPECT_EQ(decodeToUtf8("i\xF9", TextEncoding::Vni), decodeToUtf8("\xED", TextEncoding::Vni));
}

TEST(TextEncodingTables, Tcvn3CapitalsOutsideTheAbcSetUseVn1Codes) {
    // Ữ has no code in the ABC (VN3) set; VN1 puts it at 0x06.
    EXPECT_EQ(encodeFromUtf8("HỮU", TextEncoding::Tcvn3), std::string("H\x06U"));
    EXPECT_EQ(decodeToUtf8(std::string("H\x06U"), TextEncoding::Tcvn3), "HỮU");
    EXPECT_EQ(encodeFromUtf8("Đình Lập", TextEncoding::Tcvn3), "\xA7\xD7nh L\xCBp");
}

TEST(TextEncodingDecode, Cp1258CombiningMarksBecomePrecomposedNfc) {
    // Nguyễn as Windows writes it: ê (0xEA) + combining tilde (0xDE).
    const std::string nguyen = decodeToUtf8("Nguy\xEA\xDEn", TextEncoding::Cp1258);
    EXPECT_EQ(nguyen, "Nguy\xE1\xBB\x85n");  // U+1EC5 precomposed
    EXPECT_EQ(decodeToUtf8("a\xEC", TextEncoding::Cp1258), "\xC3\xA1");  // á U+00E1
    // Precomposed and combined spellings of the same letter read the same.
    EXPECT_EQ(decodeToUtf8("N\xE0", TextEncoding::Cp1258), decodeToUtf8("Na\xCC", TextEncoding::Cp1258));
    // ậ: â + dot below.
    EXPECT_EQ(decodeToUtf8("\xE2\xF2", TextEncoding::Cp1258), "ậ");
    EXPECT_EQ(encodeFromUtf8("ậ", TextEncoding::Cp1258), "\xE2\xF2");
    // Tone marks that TCVN3 writes after the letter (0xB0–0xB4) compose too.
    EXPECT_EQ(decodeToUtf8("a\xB3", TextEncoding::Tcvn3), "á");
}

TEST(TextEncodingDecode, Utf8IsNormalizedToNfc) {
    EXPECT_EQ(decodeToUtf8("Nguye\xCC\x82\xCC\x83n", TextEncoding::Utf8), "Nguyễn");  // e + U+0302 + U+0303
    EXPECT_EQ(decodeToUtf8("ho\xCC\x80" "a", TextEncoding::Utf8), "hòa");
}

TEST(TextEncodingDecode, IllFormedUtf8BecomesReplacementCharacters) {
    const auto decode = [](std::string_view s, std::size_t expectedReplaced) {
        std::size_t replaced = 0;
        const std::string out = decodeToUtf8(s, TextEncoding::Utf8, &replaced);
        EXPECT_EQ(replaced, expectedReplaced) << "input size " << s.size();
        return out;
    };
    EXPECT_EQ(decode("\xC3", 1), "\uFFFD");
    EXPECT_EQ(decode("x\xE2\x82y", 2), "x\uFFFDy");            // one truncated sequence, one U+FFFD
    EXPECT_EQ(decode("\xFF\xFE", 2), "\uFFFD\uFFFD");
    EXPECT_EQ(decode("\xC0\xAF", 2), "\uFFFD\uFFFD");            // overlong
    EXPECT_EQ(decode("\xED\xA0\x80", 3), "\uFFFD\uFFFD\uFFFD");  // surrogate
    EXPECT_EQ(decode("\xF4\x90\x80\x80", 4), "\uFFFD\uFFFD\uFFFD\uFFFD");  // past U+10FFFF
    EXPECT_EQ(decode("\xF0\x9F\x98\x80", 0), "\xF0\x9F\x98\x80");
    EXPECT_EQ(decode(std::string_view("a\0b", 3), 0), std::string("a\0b", 3));
}

TEST(TextEncodingDecode, UndefinedBytesAreCounted) {
    std::size_t replaced = 0;
    EXPECT_EQ(decodeToUtf8("A\x8A\x9E", TextEncoding::Cp1258, &replaced), "A\uFFFD\uFFFD");
    EXPECT_EQ(replaced, 2u);
    replaced = 0;
    decodeToUtf8("\x81\x8D\x8F\x90\x9D", TextEncoding::Vni, &replaced);
    EXPECT_EQ(replaced, 5u);
    replaced = 0;
    // Latin-1 (read as windows-1252) decodes every byte.
    EXPECT_EQ(decodeToUtf8("\x80\x81\xE9", TextEncoding::Latin1, &replaced), "\u20AC\u0081\u00E9");
    EXPECT_EQ(replaced, 0u);
}

TEST(TextEncodingEncode, ThrowsOnCharactersTheEncodingLacks) {
    try {
        encodeFromUtf8("Xã 漢", TextEncoding::Tcvn3);
        FAIL() << "expected TextEncodingError";
    } catch (const TextEncodingError& e) {
        EXPECT_EQ(e.codePoint(), U'漢');
        EXPECT_EQ(e.byteOffset(), 4u);  // "Xã " is 4 bytes of UTF-8
        EXPECT_NE(std::string(e.what()).find("U+6F22"), std::string::npos) << e.what();
    }
    EXPECT_THROW(encodeFromUtf8("Lầu", TextEncoding::Latin1), TextEncodingError);
    EXPECT_THROW(encodeFromUtf8("\xC3", TextEncoding::Vni), TextEncodingError);  // ill-formed input
    EXPECT_THROW(encodeFromUtf8("\u20AC", TextEncoding::Tcvn3), TextEncodingError);
    EXPECT_EQ(encodeFromUtf8("\u20AC", TextEncoding::Cp1258), "\x80");
}

TEST(TextEncodingEncode, LettersWithoutTheirOwnCodeAreWrittenWithMarks) {
    // ñ is not in TCVN3, but n + combining tilde (0xB2) is.
    EXPECT_EQ(encodeFromUtf8("ñ", TextEncoding::Tcvn3), "n\xB2");
    EXPECT_EQ(decodeToUtf8("n\xB2", TextEncoding::Tcvn3), "ñ");
    // ũ in Windows-1258: u + combining tilde.
    EXPECT_EQ(encodeFromUtf8("Lũng", TextEncoding::Cp1258), "Lu\xDEng");
    // NFD input is composed before encoding.
    EXPECT_EQ(encodeFromUtf8("Nguye\xCC\x82\xCC\x83n", TextEncoding::Tcvn3), "Nguy\xD4n");
}

// ---------------------------------------------------------------------------
// Fixtures written by other software, and detection
// ---------------------------------------------------------------------------

struct FixtureCase {
    TextEncoding encoding;
    const char* file;
};

const FixtureCase kFixtures[] = {{TextEncoding::Utf8, "names.utf8.txt"},
                                 {TextEncoding::Tcvn3, "names.tcvn3.txt"},
                                 {TextEncoding::Vni, "names.vni.txt"},
                                 {TextEncoding::Cp1258, "names.cp1258.txt"},
                                 {TextEncoding::Viscii, "names.viscii.txt"}};

std::string fixturePath(const char* file) { return std::string(PLANMAP_TEST_FIXTURES) + "/encoding/" + file; }

TEST(TextEncodingFixtures, DecodeToTheSameUtf8) {
    const std::vector<std::string> expected = splitLines(readFile(fixturePath("names.utf8.txt")));
    ASSERT_GE(expected.size(), 100u);
    for (const FixtureCase& f : kFixtures) {
        const std::vector<std::string> lines = splitLines(readFile(fixturePath(f.file)));
        ASSERT_EQ(lines.size(), expected.size()) << f.file;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::size_t replaced = 0;
            EXPECT_EQ(decodeToUtf8(lines[i], f.encoding, &replaced), expected[i]) << f.file << " line " << i + 1;
            EXPECT_EQ(replaced, 0u);
            // ... and our encoder writes the same bytes as the software that made the file.
            EXPECT_EQ(encodeFromUtf8(expected[i], f.encoding), lines[i]) << f.file << " line " << i + 1;
        }
    }
}

TEST(TextEncodingFixtures, DetectionPicksTheEncodingOfEachFile) {
    for (const FixtureCase& f : kFixtures) {
        const std::vector<std::string> lines = splitLines(readFile(fixturePath(f.file)));
        const EncodingGuess guess = detectEncoding(views(lines));
        ASSERT_EQ(guess.candidates.size(), allTextEncodings().size());
        EXPECT_EQ(guess.best(), f.encoding) << f.file << ": " << guess.candidates.front().reason;
        EXPECT_TRUE(guess.confident) << f.file;
        EXPECT_GE(guess.candidates.front().score, 0.95) << f.file;
        EXPECT_GE(guess.evidenceWords, 100u);
        // The runner-up that reads the text differently is far behind.
        for (std::size_t i = 1; i < guess.candidates.size(); ++i) {
            if (!guess.candidates[i].sameTextAsBest) {
                EXPECT_LT(guess.candidates[i].score, guess.candidates.front().score - 0.2) << f.file;
            }
        }
        // Scores are sorted.
        for (std::size_t i = 1; i < guess.candidates.size(); ++i)
            EXPECT_LE(guess.candidates[i].score, guess.candidates[i - 1].score);
    }
}

TEST(TextEncodingFixtures, ReasonsSayWhy) {
    const std::vector<std::string> lines = splitLines(readFile(fixturePath("names.tcvn3.txt")));
    const EncodingGuess guess = detectEncoding(views(lines));
    const std::string& reason = guess.candidates.front().reason;
    EXPECT_NE(reason.find("TCVN3"), std::string::npos) << reason;
    EXPECT_NE(reason.find("% of words are valid Vietnamese syllables"), std::string::npos) << reason;
    const std::vector<std::string> utf8 = splitLines(readFile(fixturePath("names.utf8.txt")));
    EXPECT_NE(detectEncoding(views(utf8)).candidates.front().reason.find("valid UTF-8 with Vietnamese letters"),
              std::string::npos);
}

// The 194 commune names of 2024 (GSO list) with their districts, written in each
// encoding by our encoder.
std::vector<std::string> communeNames() {
    const std::vector<std::string> rows =
        splitLines(readFile(std::string(PLANMAP_DATA_DIR) + "/communes_pre2025_gso.csv"));
    std::vector<std::string> names;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream in(rows[r]);
        while (std::getline(in, cell, ',')) cells.push_back(cell);
        if (cells.size() >= 5) names.push_back(cells[4]);
    }
    return names;
}

TEST(TextEncodingDetect, CommuneNamesInEveryEncoding) {
    const std::vector<std::string> names = communeNames();
    ASSERT_GE(names.size(), 190u);
    for (TextEncoding e : kVietnamese) {
        std::vector<std::string> encoded;
        for (const std::string& n : names) encoded.push_back(encodeFromUtf8(n, e));
        const EncodingGuess guess = detectEncoding(views(encoded));
        EXPECT_EQ(guess.best(), e) << encodingName(e) << ": " << guess.candidates.front().reason;
        EXPECT_TRUE(guess.confident);
        for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(decodeToUtf8(encoded[i], guess.best()), names[i]);
    }
}

TEST(TextEncodingDetect, SmallGroupsOfBareNames) {
    // Names without "Xã"/"Phường" in groups of five: a thin layer.
    std::vector<std::string> bare;
    for (std::string n : communeNames()) {
        for (const char* prefix : {"Xã ", "Phường ", "Thị trấn "})
            if (n.rfind(prefix, 0) == 0) n = n.substr(std::string(prefix).size());
        bare.push_back(n);
    }
    for (TextEncoding e : kVietnamese) {
        std::size_t groups = 0, rightText = 0;
        for (std::size_t i = 0; i < bare.size(); i += 5) {
            std::vector<std::string> encoded, truth;
            for (std::size_t k = i; k < std::min(bare.size(), i + 5); ++k) {
                encoded.push_back(encodeFromUtf8(bare[k], e));
                truth.push_back(decodeToUtf8(bare[k], TextEncoding::Utf8));
            }
            const EncodingGuess guess = detectEncoding(views(encoded));
            bool same = true;
            for (std::size_t k = 0; k < encoded.size(); ++k)
                same = same && decodeToUtf8(encoded[k], guess.best()) == truth[k];
            ++groups;
            rightText += same ? 1 : 0;
            if (guess.confident) {
                EXPECT_TRUE(same) << encodingName(e) << " group at " << i << " confidently wrong";
            }
        }
        EXPECT_GE(static_cast<double>(rightText) / static_cast<double>(groups), 0.95) << encodingName(e);
    }
}

TEST(TextEncodingDetect, SingleShortStringsDegradeGracefully) {
    const std::vector<std::string> names = communeNames();
    std::size_t confidentlyWrong = 0, right = 0, total = 0;
    for (TextEncoding e : kVietnamese) {
        for (const std::string& n : names) {
            const std::string bytes = encodeFromUtf8(n, e);
            const EncodingGuess guess = detectEncoding({bytes});
            ASSERT_FALSE(guess.candidates.empty());
            const bool same = decodeToUtf8(bytes, guess.best()) == n;
            ++total;
            right += same ? 1 : 0;
            confidentlyWrong += guess.confident && !same ? 1 : 0;
        }
    }
    EXPECT_EQ(confidentlyWrong, 0u);
    EXPECT_GE(static_cast<double>(right) / static_cast<double>(total), 0.9);
    // Two bytes: TCVN3 "Nà" also reads as VISCII "Nộ": an answer, but not a confident one.
    const EncodingGuess tiny = detectEncoding({std::string_view("N\xB5")});
    EXPECT_FALSE(tiny.confident);
    EXPECT_EQ(tiny.best(), TextEncoding::Tcvn3);
}

TEST(TextEncodingDetect, AsciiOnly) {
    const EncodingGuess guess = detectEncoding({"Na Sam", "Ban Khuoi Mo", "QL1A km 12"});
    EXPECT_EQ(guess.best(), TextEncoding::Utf8);
    EXPECT_EQ(guess.candidates.front().reason, "ASCII only");
    EXPECT_TRUE(guess.confident);
    const EncodingGuess empty = detectEncoding({});
    EXPECT_EQ(empty.best(), TextEncoding::Utf8);
}

TEST(TextEncodingDetect, Utf8CutByTheFieldWidthIsStillUtf8) {
    std::vector<std::string> lines = splitLines(readFile(fixturePath("names.utf8.txt")));
    // A DBF field 10 bytes wide cuts some names in the middle of a letter.
    std::size_t cut = 0;
    for (std::string& l : lines) {
        if (l.size() > 10) {
            l.resize(10);
            cut += isValidUtf8(l) ? 0 : 1;
        }
    }
    ASSERT_GT(cut, 5u);
    EXPECT_EQ(detectEncoding(views(lines)).best(), TextEncoding::Utf8);
}

TEST(TextEncodingDetect, Tcvn3TypedWithTheCapitalsFont) {
    // .VnTimeH: capitals with tone marks written with the small letters' codes.
    const std::vector<std::string> lines = {"X\xB7 H\xE5NG PHONG", "TH\xAB" "N N\xB5 L\xB5NG", "B\xB6N KHU\xE6I M\xE1",
                                            "R\xF5NG \xA7\xC6" "C D\xF4NG", "H\xF7U L\xF2NG"};
    const EncodingGuess guess = detectEncoding(views(lines));
    EXPECT_EQ(guess.best(), TextEncoding::Tcvn3) << guess.candidates.front().reason;
}

TEST(TextEncodingDetect, WesternTextFallsBackToLatin1) {
    const std::vector<std::string> lines = {"Caf\xE9 M\xFCller", "Stra\xDF" "e", "Fran\xE7" "ais", "\xC9t\xE9 na\xEFve",
                                            "Gar\xE7on \xE0 la cr\xE8me"};
    const EncodingGuess guess = detectEncoding(views(lines));
    EXPECT_EQ(guess.best(), TextEncoding::Latin1) << guess.candidates.front().reason;
}

TEST(TextEncodingDetect, GarbageDoesNotCrash) {
    std::mt19937 rng(12345);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::string> samples(1 + rng() % 8);
        for (std::string& s : samples) {
            s.resize(rng() % 40);
            for (char& c : s) c = static_cast<char>(rng() & 0xFF);
        }
        const EncodingGuess guess = detectEncoding(views(samples));
        ASSERT_EQ(guess.candidates.size(), allTextEncodings().size());
        for (const EncodingCandidate& c : guess.candidates) {
            EXPECT_GE(c.score, 0.0);
            EXPECT_LE(c.score, 1.0);
            EXPECT_FALSE(c.reason.empty());
        }
        for (const std::string& s : samples) {
            for (TextEncoding e : allTextEncodings()) {
                const std::string decoded = decodeToUtf8(s, e);
                EXPECT_TRUE(isValidUtf8(decoded));
                EXPECT_EQ(decodeToUtf8(decoded, TextEncoding::Utf8), decoded) << "not NFC";
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Syllables
// ---------------------------------------------------------------------------

TEST(TextEncodingSyllables, AcceptsVietnameseSyllables) {
    for (const char* w : {"Nguyễn", "khuỷu", "giếng", "gì", "quốc", "quý", "quả", "hoà", "hòa", "Trường", "XÃ",
                          "ỦY", "Thủy", "Thuỷ", "Khuổi", "ngoặt", "người", "rượu", "Bắc", "Lập", "ý", "ươm",
                          "nghiêng", "oái", "khuya", "Quỳnh"})
        EXPECT_TRUE(isVietnameseSyllable(w)) << w;
}

TEST(TextEncodingSyllables, RejectsWhatIsNotASyllable) {
    for (const char* w : {"",        "Hång",  "Xaị",  "Bàc" /* grave before a stop */, "hóà" /* two tones */,
                          "bcd",     "Loọc",  "sÁng", "Trừơng" /* tone off the horned vowel */, "ń",
                          "Café",    "Müller", "Nguyễn2", "ăn̈", "\xC3"})
        EXPECT_FALSE(isVietnameseSyllable(w)) << w;
}

TEST(TextEncodingSyllables, RealTextIsAlmostAllSyllables) {
    // The plan text is real Vietnamese prose: nearly every word with marks passes.
    std::string text = readFile(std::string(PLANMAP_DATA_DIR) + "/plan/ke-hoach-59-KH-UBND-2023.txt");
    for (char& c : text)
        if (std::string_view(",.;:()\"'!?/-[]%*0123456789\t\r\n").find(c) != std::string_view::npos) c = ' ';
    std::istringstream in(text);
    std::string word;
    std::size_t marked = 0, valid = 0;
    while (in >> word) {
        if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) continue;
        ++marked;
        valid += isVietnameseSyllable(word) ? 1 : 0;
    }
    ASSERT_GT(marked, 5000u);
    EXPECT_GE(static_cast<double>(valid) / static_cast<double>(marked), 0.99);
}

}  // namespace
}  // namespace planmap::geo
