// A replay driver for fuzz targets built without libFuzzer: runs every file of
// the given corpus files and directories through LLVMFuzzerTestOneInput, then a
// number of deterministic pseudo-random inputs (fresh random bytes, and corpus
// entries with bytes flipped, inserted, deleted or spliced).
//
//   fuzz_target [--runs N] [--seed S] [--max-len L] [corpus paths...]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

// SplitMix64: small, fast, and the same sequence everywhere.
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
};

std::vector<std::uint8_t> readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void run(const std::vector<std::uint8_t>& input) {
    // A copy in a buffer of its own size, so that reads past the end are caught
    // by sanitizers as they would be under libFuzzer.
    std::vector<std::uint8_t> exact(input);
    LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
}

std::vector<std::uint8_t> mutate(std::vector<std::uint8_t> v, const std::vector<std::vector<std::uint8_t>>& corpus,
                                 Rng& rng, std::size_t maxLen) {
    const std::size_t steps = 1 + rng.below(4);
    for (std::size_t s = 0; s < steps; ++s) {
        switch (rng.below(5)) {
        case 0:  // flip bits of one byte
            if (!v.empty()) v[rng.below(v.size())] ^= static_cast<std::uint8_t>(1u << rng.below(8));
            break;
        case 1:  // insert a random byte, often a high one
            v.insert(v.begin() + static_cast<std::ptrdiff_t>(rng.below(v.size() + 1)),
                     static_cast<std::uint8_t>(rng.below(2) ? 0x80 + rng.below(0x80) : rng.below(0x100)));
            break;
        case 2:  // delete a run of bytes
            if (!v.empty()) {
                const std::size_t at = rng.below(v.size());
                const std::size_t n = std::min(v.size() - at, 1 + rng.below(4));
                v.erase(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(at + n));
            }
            break;
        case 3:  // splice in a piece of another corpus entry
            if (!corpus.empty()) {
                const auto& other = corpus[rng.below(corpus.size())];
                if (!other.empty()) {
                    const std::size_t from = rng.below(other.size());
                    const std::size_t n = std::min(other.size() - from, 1 + rng.below(32));
                    v.insert(v.begin() + static_cast<std::ptrdiff_t>(rng.below(v.size() + 1)),
                             other.begin() + static_cast<std::ptrdiff_t>(from),
                             other.begin() + static_cast<std::ptrdiff_t>(from + n));
                }
            }
            break;
        default:  // overwrite a byte with one of the bytes that matter here
            if (!v.empty()) {
                static const std::uint8_t interesting[] = {0x00, 0x0A, 0x20, 0x7F, 0x80, 0xBF, 0xC0, 0xC2,
                                                           0xCC, 0xDE, 0xE0, 0xED, 0xEC, 0xF2, 0xF4, 0xFF};
                v[rng.below(v.size())] = interesting[rng.below(sizeof interesting)];
            }
            break;
        }
    }
    if (v.size() > maxLen) v.resize(maxLen);
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t runs = 2000, maxLen = 512;
    std::uint64_t seed = 20240601;
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--runs" || arg == "--seed" || arg == "--max-len") && i + 1 < argc) {
            const unsigned long long value = std::strtoull(argv[++i], nullptr, 10);
            if (arg == "--runs") runs = value;
            else if (arg == "--seed") seed = value;
            else maxLen = value;
            continue;
        }
        const std::filesystem::path p(arg);
        if (std::filesystem::is_directory(p)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(p))
                if (entry.is_regular_file()) files.push_back(entry.path());
        } else if (std::filesystem::is_regular_file(p)) {
            files.push_back(p);
        } else {
            std::fprintf(stderr, "no such corpus file or directory: %s\n", arg.c_str());
            return 2;
        }
    }
    std::sort(files.begin(), files.end());

    std::vector<std::vector<std::uint8_t>> corpus;
    for (const auto& f : files) {
        corpus.push_back(readFile(f));
        run(corpus.back());
    }
    Rng rng{seed};
    for (std::size_t r = 0; r < runs; ++r) {
        std::vector<std::uint8_t> input;
        if (corpus.empty() || rng.below(4) == 0) {
            input.resize(rng.below(std::min<std::size_t>(maxLen, 64) + 1));
            for (auto& b : input) b = static_cast<std::uint8_t>(rng.next());
        } else {
            input = mutate(corpus[rng.below(corpus.size())], corpus, rng, maxLen);
        }
        run(input);
    }
    std::printf("replayed %zu corpus files and %zu generated inputs: no failure\n", files.size(), runs);
    return 0;
}
