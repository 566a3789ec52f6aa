// Vietnamese syllable check and encoding detection (TextEncoding.h).
#include "planmap/geo/TextEncoding.h"

#include "TextEncodingUnicode.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

namespace planmap::geo {
namespace {

// ---------------------------------------------------------------------------
// Syllables
// ---------------------------------------------------------------------------

enum class Tone { None, Acute, Grave, Hook, Tilde, Dot };

struct Letter {
    char32_t base = 0;  // lower case, with its circumflex, breve or horn (â, ơ, ...), no tone
    Tone tone = Tone::None;
    bool upper = false;
};

bool isVowel(char32_t c) {
    switch (c) {
    case U'a': case U'ă': case U'â': case U'e': case U'ê': case U'i': case U'o': case U'ô':
    case U'ơ': case U'u': case U'ư': case U'y':
        return true;
    default:
        return false;
    }
}

bool isModifiedVowel(char32_t c) {
    return c == U'ă' || c == U'â' || c == U'ê' || c == U'ô' || c == U'ơ' || c == U'ư';
}

// Splits a word into letters; false when it holds anything but Vietnamese
// letters (a base letter a–z or đ, at most one of circumflex/breve/horn where
// Vietnamese has it, at most one tone mark).
bool splitLetters(std::u32string_view word, std::vector<Letter>& letters) {
    const std::u32string nfd = detail::toNfd(word);
    letters.clear();
    for (std::size_t i = 0; i < nfd.size();) {
        char32_t c = nfd[i];
        Letter l;
        if (c >= U'A' && c <= U'Z') {
            l.upper = true;
            c = c - U'A' + U'a';
        } else if (c == U'Đ') {
            l.upper = true;
            c = U'đ';
        }
        if (!((c >= U'a' && c <= U'z') || c == U'đ')) return false;
        char32_t modifier = 0;
        ++i;
        for (; i < nfd.size() && detail::isCombiningMark(nfd[i]); ++i) {
            const char32_t m = nfd[i];
            Tone t = Tone::None;
            switch (m) {
            case 0x0301: t = Tone::Acute; break;
            case 0x0300: t = Tone::Grave; break;
            case 0x0309: t = Tone::Hook; break;
            case 0x0303: t = Tone::Tilde; break;
            case 0x0323: t = Tone::Dot; break;
            case 0x0302: case 0x0306: case 0x031B:
                if (modifier != 0) return false;
                modifier = m;
                continue;
            default:
                return false;
            }
            if (l.tone != Tone::None) return false;
            l.tone = t;
        }
        if (modifier != 0) {
            const bool fits = (modifier == 0x0302 && (c == U'a' || c == U'e' || c == U'o')) ||
                              (modifier == 0x0306 && c == U'a') ||
                              (modifier == 0x031B && (c == U'o' || c == U'u'));
            if (!fits) return false;
            c = detail::toNfc(std::u32string{c, modifier})[0];
        }
        if (l.tone != Tone::None && !isVowel(c)) return false;
        l.base = c;
        letters.push_back(l);
    }
    return !letters.empty();
}

// Initial consonants. "gi" and "qu" are split off where the rhyme is found.
const std::set<std::u32string>& onsets() {
    static const std::set<std::u32string> s = {
        U"",  U"b",  U"c",  U"ch", U"d",  U"đ",   U"g",  U"gh", U"h",  U"k",  U"kh",
        U"l", U"m",  U"n",  U"ng", U"ngh", U"nh", U"p",  U"ph", U"q",  U"r",  U"s",  U"t",
        U"th", U"tr", U"v", U"x"};
    return s;
}

// Vowel groups that may end a syllable.
const std::set<std::u32string>& openRhymes() {
    static const std::set<std::u32string> s = {
        U"a",   U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"e",   U"eo",  U"ê",   U"êu",
        U"i",   U"ia",  U"iu",  U"o",   U"oa",  U"oai", U"oao", U"oay", U"oe",  U"oeo", U"oi",
        U"ô",   U"ôi",  U"ơ",   U"ơi",  U"u",   U"ua",  U"uây", U"uê",  U"ui",  U"uôi", U"uơ",
        U"uy",  U"uya", U"uyu", U"ư",   U"ưa",  U"ưi",  U"ươi", U"ươu", U"ưu",  U"y",   U"yêu",
        U"iêu"};
    return s;
}

// Vowel groups that take a final consonant, with the finals they take.
const std::map<std::u32string, std::set<std::u32string>>& closedRhymes() {
    static const std::set<std::u32string> all = {U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};
    static const std::set<std::u32string> noPalatal = {U"c", U"m", U"n", U"ng", U"p", U"t"};
    static const std::set<std::u32string> palatal = {U"ch", U"m", U"n", U"nh", U"p", U"t"};
    static const std::map<std::u32string, std::set<std::u32string>> m = {
        {U"a", all},        {U"ă", noPalatal},  {U"â", noPalatal},   {U"e", noPalatal},
        {U"ê", palatal},    {U"i", palatal},    {U"o", noPalatal},
        {U"ô", noPalatal},  {U"ơ", noPalatal},  {U"u", noPalatal},   {U"ư", noPalatal},
        {U"iê", noPalatal}, {U"yê", noPalatal}, {U"oa", all},        {U"oă", noPalatal},
        {U"oe", noPalatal}, {U"uâ", noPalatal}, {U"uê", palatal},    {U"uô", noPalatal},
        {U"ươ", noPalatal}, {U"uy", palatal},   {U"uyê", noPalatal}, {U"y", palatal}};
    return m;
}

bool isStopFinal(const std::u32string& f) { return f == U"c" || f == U"ch" || f == U"p" || f == U"t"; }

constexpr std::size_t kNoTone = std::u32string::npos;

// Where the tone mark goes in a vowel group: on the vowel with a circumflex,
// breve or horn (on ơ in ươ); else, before a final consonant, on the last vowel;
// else on the first vowel of ai, ao, ia, ua..., on the middle one of oai, uyu...,
// and on either vowel of oa, oe, uy (old "hòa" and new "hoà" placement).
bool toneOnRightVowel(const std::u32string& vowels, bool hasFinal, std::size_t pos) {
    if (pos == kNoTone) return true;
    const std::size_t n = vowels.size();
    if (pos >= n) return false;
    if (n == 1) return true;
    std::size_t modified = kNoTone;
    for (std::size_t i = 0; i < n; ++i)
        if (isModifiedVowel(vowels[i])) modified = i;  // the last one: ơ of ươ
    if (modified != kNoTone) return pos == modified;
    if (hasFinal) return pos == n - 1;
    const bool glideFirst = (vowels[0] == U'o' && (vowels[1] == U'a' || vowels[1] == U'e')) ||
                            (vowels[0] == U'u' && vowels[1] == U'y');
    if (n == 3) return pos == 1;
    if (glideFirst) return true;
    return pos == 0;
}

// rhyme: the letters after the onset, without tones; tonePos: index in rhyme of
// the letter carrying the tone, or kNoTone.
bool validRhyme(const std::u32string& rhyme, Tone tone, std::size_t tonePos) {
    std::size_t v = 0;
    while (v < rhyme.size() && isVowel(rhyme[v])) ++v;
    const std::u32string vowels = rhyme.substr(0, v);
    const std::u32string final_ = rhyme.substr(v);
    if (vowels.empty()) return false;
    if (!toneOnRightVowel(vowels, !final_.empty(), tonePos)) return false;
    if (final_.empty()) return openRhymes().count(vowels) > 0;
    const auto it = closedRhymes().find(vowels);
    if (it == closedRhymes().end() || it->second.count(final_) == 0) return false;
    // Syllables closed by c, ch, p or t carry sắc or nặng, nothing else.
    if (isStopFinal(final_) && tone != Tone::Acute && tone != Tone::Dot) return false;
    return true;
}

// "xã", "Xã" or "XÃ".
bool validCasePattern(const std::vector<Letter>& letters) {
    if (letters.size() < 2) return true;
    bool restUpper = true, restLower = true;
    for (std::size_t i = 1; i < letters.size(); ++i) {
        restUpper = restUpper && letters[i].upper;
        restLower = restLower && !letters[i].upper;
    }
    return restLower || (restUpper && letters[0].upper);
}

// TCVN3 text typed in capitals with the .VnTimeH fonts: capitals with tone marks
// have no codes of their own in the ABC set, so they are written with the codes of
// the small letters and read back as "HồNG". Plain letters are capitals.
bool capsFontCasePattern(const std::vector<Letter>& letters, std::u32string_view word) {
    bool asciiLetter = false;
    for (char32_t c : word) {
        if (c >= U'a' && c <= U'z') return false;
        asciiLetter = asciiLetter || (c >= U'A' && c <= U'Z');
    }
    return asciiLetter && letters.size() >= 2;
}

// Checks everything but the case pattern.
bool syllableFromLetters(const std::vector<Letter>& letters) {
    std::size_t toneCount = 0, tonePos = kNoTone;
    Tone tone = Tone::None;
    std::u32string skeleton;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        skeleton.push_back(letters[i].base);
        if (letters[i].tone != Tone::None) {
            ++toneCount;
            tonePos = i;
            tone = letters[i].tone;
        }
    }
    if (toneCount > 1) return false;
    std::size_t onsetLen = 0;
    while (onsetLen < skeleton.size() && !isVowel(skeleton[onsetLen])) ++onsetLen;
    if (onsetLen == skeleton.size()) return false;
    const std::u32string onset = skeleton.substr(0, onsetLen);
    if (!onsets().count(onset)) return false;
    // The rhyme starting at `start`, with `extra` letters put in front of it.
    const auto rhymeFrom = [&](std::size_t start, const std::u32string& extra) {
        if (tonePos != kNoTone && tonePos < start) return false;  // no tone on the onset
        const std::size_t pos = tonePos == kNoTone ? kNoTone : tonePos - start + extra.size();
        return validRhyme(extra + skeleton.substr(start), tone, pos);
    };
    if (onset == U"q") {
        // qu + rhyme, the u a glide: "quốc", "quang", "quý", "quả".
        return skeleton.size() > onsetLen + 1 && skeleton[onsetLen] == U'u' && rhymeFrom(onsetLen + 1, U"");
    }
    if (onset == U"g" && skeleton.size() > onsetLen + 1 && skeleton[onsetLen] == U'i' &&
        isVowel(skeleton[onsetLen + 1])) {
        // gi + rhyme: "gia", "giữa"; "giếng" is gi + iêng sharing the i.
        if (rhymeFrom(onsetLen + 1, U"") || rhymeFrom(onsetLen + 1, U"i")) return true;
    }
    return rhymeFrom(onsetLen, U"");
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

bool isSeparator(char32_t c) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 || c == 0x3000) return true;
    if (c < 0x80) return !((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) && c >= 0x20 && c != 0x7F;
    switch (c) {
    case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026:
    case 0x2022: case 0x00AB: case 0x00BB: case 0x2039: case 0x203A: case 0x2002: case 0x2003:
    case 0x2009: case 0x200B: case 0xFEFF:
        return true;
    default:
        return false;
    }
}

// Frequent syllables of Vietnamese administrative text (the most frequent ones in
// a provincial plan) and of place names and land records (thôn, bản, rừng, and
// the Tày place-name words nà, khuổi, pò, lũng...). Used only to order readings
// that are otherwise equally good, e.g. one short name read as TCVN3 or VISCII.
const std::set<std::u32string>& commonSyllables() {
    static const std::set<std::u32string> s = [] {
        const std::string_view words =
            "các và đồng bào dân thực hiện vùng xã triển phát tiêu của chức trình "
            "trợ công tổ hội tỉnh tộc dự động số án hỗ truyền chương thông mục tư "
            "người cấp về tế nâng đầu bảo bộ với cơ học pháp có chính sở năng xây "
            "dựng địa định thể lý tập lực hoạch hợp nhân huyện kế vụ hình cán ở "
            "sách thôn hộ sản trên hoạt tại xuất dưỡng chỉ tạo tác nghiệp thức "
            "thống bàn đối văn việc tiếp cụ hóa quốc đề chủ được cộng rừng luật "
            "giáo thiểu nhà nước quả sự nghèo nữ thiết giá giới trường tuyên hiệu "
            "đảm là đổi trị cận bồi quyết quản phòng huấn kiến mô viên hôn nội để "
            "kết phụ đại kỹ giải bình làm chất giám sát năm tăng vệ nguồn liên giúp "
            "nghị vốn thành điểm đào ứng trẻ sơn khó khăn giảm đình thuộc chuyển "
            "nhằm tín phục lớp phổ chăm ngày bản phố phường thị trấn đất trồng "
            "lúa màu nương rẫy suối sông hồ đập đường trạm mầm tiểu chợ đồi núi "
            "nà pác khuổi bó pò lũng cốc kéo phai nặm khòn đông tây";
        std::set<std::u32string> set;
        const std::u32string all = detail::utf8ToCodePoints(words);
        std::size_t start = 0;
        while (start < all.size()) {
            std::size_t end = all.find(U' ', start);
            if (end == std::u32string::npos) end = all.size();
            if (end > start) set.insert(detail::toNfc(all.substr(start, end - start)));
            start = end + 1;
        }
        return set;
    }();
    return s;
}

struct Tally {
    std::size_t interesting = 0;   // words with a non-ASCII or control character
    std::size_t syllables = 0;     // ... of which valid Vietnamese syllables
    std::size_t plainLetters = 0;  // ... of which made of letters only (any script)
    std::size_t common = 0;        // ... of which frequent Vietnamese syllables
};

class WordJudge {
public:
    struct Verdict {
        bool syllable = false;      // valid syllable in a usual case pattern
        bool capsSyllable = false;  // valid syllable in the .VnTimeH pattern ("HồNG")
        bool letters = false;
        bool common = false;
    };
    Verdict judge(const std::u32string& word) {
        const auto it = cache_.find(word);
        if (it != cache_.end()) return it->second;
        Verdict v;
        v.letters = lettersOnly(word);
        if (splitLetters(word, letters_) && syllableFromLetters(letters_)) {
            v.syllable = validCasePattern(letters_);
            v.capsSyllable = !v.syllable && capsFontCasePattern(letters_, word);
        }
        if (v.syllable || v.capsSyllable) {
            std::u32string lower;
            for (char32_t c : word) lower.push_back(detail::toLower(c));
            v.common = commonSyllables().count(detail::toNfc(lower)) > 0;
        }
        if (cache_.size() < 200000) cache_.emplace(word, v);
        return v;
    }

private:
    static bool lettersOnly(const std::u32string& word) {
        if (word.empty() || !detail::isLetter(word[0])) return false;
        std::size_t letters = 0, uppers = 0;
        for (char32_t c : word) {
            if (detail::isCombiningMark(c)) continue;
            if (!detail::isLetter(c)) return false;
            ++letters;
            uppers += detail::isUpper(c) ? 1 : 0;
        }
        // "word", "WORD" and "Word" read as plain letters; "wOrD" does not.
        return uppers == 0 || uppers == letters || (uppers == 1 && detail::isUpper(word[0]));
    }

    std::unordered_map<std::u32string, Verdict> cache_;
    std::vector<Letter> letters_;
};

void tallyText(const std::u32string& text, WordJudge& judge, bool capsFont, Tally& tally) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSeparator(text[i])) ++i;
        const std::size_t start = i;
        bool interesting = false;
        while (i < text.size() && !isSeparator(text[i])) {
            interesting = interesting || text[i] >= 0x80 || text[i] < 0x20 || text[i] == 0x7F;
            ++i;
        }
        if (i == start || !interesting) continue;
        const WordJudge::Verdict v = judge.judge(text.substr(start, i - start));
        ++tally.interesting;
        tally.syllables += v.syllable || (capsFont && v.capsSyllable) ? 1 : 0;
        tally.plainLetters += v.letters ? 1 : 0;
        tally.common += v.common ? 1 : 0;
    }
}

// Length of an incomplete but well-begun UTF-8 sequence at the end of s (a field
// cut by the DBF width), 0 when there is none.
std::size_t truncatedUtf8Tail(std::string_view s) {
    const std::size_t n = s.size();
    for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
        const auto b = static_cast<unsigned char>(s[n - back]);
        if ((b & 0xC0) == 0x80) continue;  // continuation byte: look further back
        std::size_t need = 0;
        if (b >= 0xC2 && b <= 0xDF) need = 2;
        else if (b >= 0xE0 && b <= 0xEF) need = 3;
        else if (b >= 0xF0 && b <= 0xF4) need = 4;
        if (need > back) {
            std::size_t replaced = 0;
            detail::utf8ToCodePoints(s.substr(n - back), &replaced);
            // A well-begun prefix reads as one U+FFFD covering all of its bytes.
            return replaced == back ? back : 0;
        }
        return 0;
    }
    return 0;
}

int percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0 : static_cast<int>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)));
}

std::string syllableSentence(const Tally& t) {
    return std::to_string(percent(t.syllables, t.interesting)) + " % of words are valid Vietnamese syllables (" +
           std::to_string(t.syllables) + " of " + std::to_string(t.interesting) + ")";
}

void hashText(std::uint64_t& hash, std::string_view text) {
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    hash = (hash ^ static_cast<unsigned char>('\n')) * 0x100000001B3ull;
}

struct Reading {
    TextEncoding encoding;
    std::uint64_t textHash = 0xCBF29CE484222325ull;  // FNV-1a of all samples decoded, each followed by '\n'
    Tally tally;
    std::size_t replacedBytes = 0;
    double score = 0.0;
    std::string reason;
};

}  // namespace

bool isVietnameseSyllable(std::string_view utf8Word) {
    std::size_t bad = std::string::npos;
    const std::u32string word = detail::utf8ToCodePoints(utf8Word, nullptr, &bad);
    if (bad != std::string::npos) return false;
    std::vector<Letter> letters;
    return splitLetters(word, letters) && syllableFromLetters(letters) && validCasePattern(letters);
}

EncodingGuess detectEncoding(const std::vector<std::string_view>& samples) {
    EncodingGuess guess;
    const bool ascii = std::all_of(samples.begin(), samples.end(), [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    });
    if (ascii) {
        for (TextEncoding e : allTextEncodings()) {
            EncodingCandidate c{e, 1.0, e == TextEncoding::Utf8 ? "ASCII only" : "ASCII only: reads the same", true};
            if (e == TextEncoding::Tcvn3 || e == TextEncoding::Viscii) {
                // Their C0 positions hold capital letters; ASCII control bytes read differently.
                for (std::string_view s : samples) {
                    if (decodeToUtf8(s, e) != s) {
                        c = {e, 0.5, "ASCII with control bytes, which " + std::string(encodingDisplayName(e)) +
                                         " reads as letters", false};
                        break;
                    }
                }
            }
            guess.candidates.push_back(std::move(c));
        }
        std::stable_sort(guess.candidates.begin(), guess.candidates.end(),
                         [](const EncodingCandidate& a, const EncodingCandidate& b) { return a.score > b.score; });
        guess.confident = true;
        return guess;
    }

    std::size_t nonAsciiBytes = 0;
    for (std::string_view s : samples)
        for (char c : s) nonAsciiBytes += static_cast<unsigned char>(c) >= 0x80 ? 1 : 0;

    WordJudge judge;
    std::vector<Reading> readings;
    for (TextEncoding e : allTextEncodings()) {
        Reading r{e, {}, {}, 0, 0.0, {}};
        std::size_t multibyte = 0, cutValues = 0;
        for (std::string_view s : samples) {
            std::string decoded;
            if (e == TextEncoding::Utf8) {
                // A value that the DBF field width cut in the middle of a letter is
                // no evidence against UTF-8: score it without the cut letter.
                const std::size_t tail = truncatedUtf8Tail(s);
                for (char c : s) multibyte += (static_cast<unsigned char>(c) & 0xC0) == 0xC0 ? 1 : 0;
                if (tail > 0) {
                    ++cutValues;
                    decoded = decodeToUtf8(s.substr(0, s.size() - tail), e, &r.replacedBytes);
                    tallyText(detail::utf8ToCodePoints(decoded), judge, false, r.tally);
                    decoded = decodeToUtf8(s, e);
                    hashText(r.textHash, decoded);
                    continue;
                }
            }
            decoded = decodeToUtf8(s, e, &r.replacedBytes);
            tallyText(detail::utf8ToCodePoints(decoded), judge, e == TextEncoding::Tcvn3, r.tally);
            hashText(r.textHash, decoded);
        }
        const Tally& t = r.tally;
        const double syllableShare =
            t.interesting == 0 ? 0.0 : static_cast<double>(t.syllables) / static_cast<double>(t.interesting);
        const std::string name(encodingDisplayName(e));
        switch (e) {
        case TextEncoding::Utf8:
            if (r.replacedBytes == 0) {
                r.score = std::max(syllableShare, multibyte >= 2 ? 0.9 : 0.6);
                r.reason = syllableShare >= 0.5 ? "valid UTF-8 with Vietnamese letters; " + syllableSentence(t)
                                                : "valid UTF-8; only " + syllableSentence(t);
                if (cutValues > 0) r.reason += "; " + std::to_string(cutValues) + " values cut inside a letter";
            } else {
                const double readable =
                    1.0 - std::min(1.0, static_cast<double>(r.replacedBytes) / static_cast<double>(std::max<std::size_t>(nonAsciiBytes, 1)));
                r.score = syllableShare * readable;
                r.reason = "not valid UTF-8 (" + std::to_string(r.replacedBytes) + " bytes do not decode); " +
                           syllableSentence(t);
            }
            break;
        case TextEncoding::Latin1: {
            const double letterShare = t.interesting == 0 ? 0.0
                                                          : static_cast<double>(t.plainLetters) / static_cast<double>(t.interesting);
            r.score = std::max(syllableShare, 0.5 * letterShare);
            r.reason = "fallback: " + std::to_string(percent(t.plainLetters, t.interesting)) +
                       " % of words are plain letters; " + syllableSentence(t);
            break;
        }
        default: {
            const double readable =
                1.0 - std::min(1.0, static_cast<double>(r.replacedBytes) / static_cast<double>(std::max<std::size_t>(nonAsciiBytes, 1)));
            r.score = syllableShare * readable;
            r.reason = name + ": " + syllableSentence(t);
            if (r.replacedBytes > 0) r.reason += "; " + std::to_string(r.replacedBytes) + " bytes do not decode";
            break;
        }
        }
        readings.push_back(std::move(r));
    }

    // Best first; equal scores are ordered by the share of frequent syllables, then
    // keep the order of allTextEncodings(). Scores are rounded so that shares that
    // are equal but computed differently (1/3 and 1 - 2/3) compare equal.
    for (Reading& r : readings) r.score = std::round(std::clamp(r.score, 0.0, 1.0) * 1e6) / 1e6;
    const auto commonShare = [](const Reading& r) {
        return r.tally.interesting == 0 ? 0.0
                                        : static_cast<double>(r.tally.common) / static_cast<double>(r.tally.interesting);
    };
    std::stable_sort(readings.begin(), readings.end(), [&](const Reading& a, const Reading& b) {
        if (a.score != b.score) return a.score > b.score;
        return commonShare(a) > commonShare(b);
    });
    const Reading& best = readings.front();
    double runnerUp = 0.0;
    bool runnerUpSeen = false;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const Reading& r = readings[i];
        EncodingCandidate c{r.encoding, r.score, r.reason, r.textHash == best.textHash};
        if (i > 0 && c.sameTextAsBest) c.reason += "; same text as " + std::string(encodingDisplayName(best.encoding));
        if (i > 0 && !c.sameTextAsBest && !runnerUpSeen) {
            runnerUp = r.score;
            runnerUpSeen = true;
        }
        guess.candidates.push_back(std::move(c));
    }
    guess.evidenceWords = best.tally.interesting;
    guess.confident = best.score >= 0.6 && best.score - runnerUp >= 0.1 &&
                      (best.tally.interesting >= 3 || (best.encoding == TextEncoding::Utf8 && best.replacedBytes == 0));
    return guess;
}

}  // namespace planmap::geo
