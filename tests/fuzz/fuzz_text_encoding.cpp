// Fuzz target: detection, decoding and encoding of Vietnamese legacy text.
//
// The input is a layer's attribute text, one value per line. Invariants checked:
//   - decoding in every encoding gives well-formed UTF-8 in NFC;
//   - when a decoded text can be encoded (in any encoding), it decodes back to
//     exactly the same text;
//   - detection ranks every encoding, with scores in [0, 1], best first.
// A broken invariant aborts, which libFuzzer and the replay driver report.
#include "planmap/geo/TextEncoding.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using planmap::geo::TextEncoding;

[[noreturn]] void fail(const char* what, TextEncoding e) {
    std::fprintf(stderr, "fuzz_text_encoding: %s (%s)\n", what, std::string(planmap::geo::encodingName(e)).c_str());
    std::abort();
}

void checkWellFormedNfc(const std::string& text, TextEncoding e) {
    std::size_t replaced = 0;
    const std::string again = planmap::geo::decodeToUtf8(text, TextEncoding::Utf8, &replaced);
    if (replaced != 0) fail("decoded text is not well-formed UTF-8", e);
    if (again != text) fail("decoded text is not in NFC", e);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    std::vector<std::string_view> samples;
    for (std::size_t start = 0; start <= input.size();) {
        std::size_t end = input.find('\n', start);
        if (end == std::string_view::npos) end = input.size();
        samples.push_back(input.substr(start, end - start));
        start = end + 1;
    }
    const planmap::geo::EncodingGuess guess = planmap::geo::detectEncoding(samples);
    const auto& all = planmap::geo::allTextEncodings();
    if (guess.candidates.size() != all.size()) fail("detection did not rank every encoding", guess.best());
    for (std::size_t i = 0; i < guess.candidates.size(); ++i) {
        const auto& c = guess.candidates[i];
        if (!(c.score >= 0.0 && c.score <= 1.0)) fail("score outside [0, 1]", c.encoding);
        if (i > 0 && c.score > guess.candidates[i - 1].score) fail("candidates not sorted", c.encoding);
        if (c.reason.empty()) fail("candidate without a reason", c.encoding);
    }

    for (TextEncoding from : all) {
        std::size_t replaced = 0;
        const std::string decoded = planmap::geo::decodeToUtf8(input, from, &replaced);
        checkWellFormedNfc(decoded, from);
        if (replaced > input.size()) fail("more bytes replaced than read", from);
        for (TextEncoding to : all) {
            std::string encoded;
            try {
                encoded = planmap::geo::encodeFromUtf8(decoded, to);
            } catch (const planmap::geo::TextEncodingError&) {
                continue;  // a character the target lacks
            }
            if (planmap::geo::decodeToUtf8(encoded, to) != decoded) fail("decode(encode(text)) != text", to);
        }
    }
    return 0;
}
