import ACDCore

/// The simulator's seeded pseudo-random generator: xoshiro256** (Blackman and Vigna, 2018), its
/// state filled from a SplitMix64 of the seed as its authors recommend. Fast, with a period of
/// 2^256 - 1, and the same numbers for the same seed on every machine.
///
/// Every source of randomness in a replication (each call stream's arrivals, handle times and
/// patience, the engine's random strategy) has a generator of its own, so that changing the number
/// of agents does not change the calls that arrive: runs that differ only in staffing compare like
/// with like.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// The generator for `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        self.init(state: (seeder.next(), seeder.next(), seeder.next(), seeder.next()))
    }

    /// A generator with this exact state (not all zero), for checking against published outputs.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotated(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotated(s3, by: 45)
        return result
    }

    /// A number drawn uniformly from [0, 1), with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A seed for the sub-stream `stream` of `seed`: replications and the generators inside one
    /// replication get seeds that do not overlap in any useful sense.
    public static func seed(_ seed: UInt64, stream: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }

    private func rotated(_ value: UInt64, by bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
