#pragma once
// Deterministic pseudo-random numbers and smooth noise for the illustrative
// generator. Everything here is defined bit for bit by this file (SplitMix64,
// no <random> distributions, whose output the standard leaves to each
// library), so the same seed gives the same data on every build.
//
// Each part of the generator draws from its own named stream (Rng(seed,
// "villages")), so changing how one part uses numbers does not shift the
// others.

#include <cmath>
#include <cstdint>
#include <string_view>

namespace planmap::layers::illustrative::detail {

/// FNV-1a of a text: a stable hash to derive stream seeds from names.
constexpr std::uint64_t stableHash(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

/// The SplitMix64 finaliser: a bijective 64-bit mix.
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class Rng {
public:
    Rng(std::uint64_t seed, std::string_view stream) : state_(mix64(seed ^ stableHash(stream))) {}

    std::uint64_t next()
    {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix64(state_);
    }
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [0, n) (n > 0).
    int index(int n) { return static_cast<int>(uniform() * n); }
    /// Uniform integer in [lo, hi].
    int between(int lo, int hi) { return lo + index(hi - lo + 1); }
    bool chance(double p) { return uniform() < p; }
    /// Standard normal (Box-Muller).
    double normal()
    {
        const double u = 1.0 - uniform(); // (0, 1]
        const double v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }

private:
    std::uint64_t state_;
};

/// Smooth value noise in [0, 1]: a lattice of hashed values with `cell`
/// metres between lattice points, interpolated with smoothstep; three
/// octaves summed. Deterministic in (x, y, seed).
inline double valueNoise(double x, double y, double cell, std::uint64_t seed)
{
    auto lattice = [seed](std::int64_t i, std::int64_t j) {
        const std::uint64_t h = mix64(seed ^ mix64(static_cast<std::uint64_t>(i) * 0x9e3779b97f4a7c15ULL
                                                   ^ static_cast<std::uint64_t>(j) * 0xc2b2ae3d27d4eb4fULL));
        return static_cast<double>(h >> 11) * 0x1.0p-53;
    };
    auto octave = [&](double scale) {
        const double fx = x / scale, fy = y / scale;
        const double ix = std::floor(fx), iy = std::floor(fy);
        const double tx = fx - ix, ty = fy - iy;
        const double sx = tx * tx * (3 - 2 * tx), sy = ty * ty * (3 - 2 * ty);
        const auto i = static_cast<std::int64_t>(ix), j = static_cast<std::int64_t>(iy);
        const double a = lattice(i, j), b = lattice(i + 1, j), c = lattice(i, j + 1), d = lattice(i + 1, j + 1);
        return (a + (b - a) * sx) + ((c + (d - c) * sx) - (a + (b - a) * sx)) * sy;
    };
    return (4.0 * octave(cell) + 2.0 * octave(cell / 2.3) + octave(cell / 5.1)) / 7.0;
}

} // namespace planmap::layers::illustrative::detail
