#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ACDCore

/// How a random duration is spread: a call's handle time (talk) or a caller's patience.
public enum TimeDistribution: Equatable, Sendable {
    /// Always the same duration.
    case fixed(Duration)
    /// Exponential with this mean: the memoryless distribution Erlang C and Erlang A assume.
    case exponential(mean: Duration)
    /// Log-normal with this mean and standard deviation: the usual shape of measured talk times
    /// (never negative, a long right tail).
    case logNormal(mean: Duration, standardDeviation: Duration)

    /// The mean of the distribution.
    public var mean: Duration {
        switch self {
        case .fixed(let value): value
        case .exponential(let mean): mean
        case .logNormal(let mean, _): mean
        }
    }

    /// Whether it is exponential, the assumption of the Erlang formulas.
    public var isExponential: Bool {
        switch self {
        case .exponential: true
        case .fixed, .logNormal: false
        }
    }

    /// Why the distribution cannot be sampled, or nil when it can: means must be positive (a fixed
    /// value may be zero) and a standard deviation must not be negative.
    public var problem: String? {
        switch self {
        case .fixed(let value):
            value < .zero ? "a fixed duration must not be negative" : nil
        case .exponential(let mean):
            mean <= .zero ? "an exponential mean must be positive" : nil
        case .logNormal(let mean, let deviation):
            if mean <= .zero { "a log-normal mean must be positive" } else if deviation < .zero {
                "a log-normal standard deviation must not be negative"
            } else { nil }
        }
    }

    /// One duration drawn from the distribution, in whole milliseconds (the engine's resolution).
    public func sampleMilliseconds(using random: inout SimulationRandom) -> Int64 {
        switch self {
        case .fixed(let value):
            return value.milliseconds
        case .exponential(let mean):
            // 1 - u lies in (0, 1], so the logarithm is finite.
            return Self.rounded(-Double(mean.milliseconds) * log(1 - random.nextUnit()))
        case .logNormal(let mean, let deviation):
            let m = Double(mean.milliseconds)
            let s = Double(deviation.milliseconds)
            let sigmaSquared = log(1 + (s * s) / (m * m))
            let mu = log(m) - sigmaSquared / 2
            return Self.rounded(exp(mu + sigmaSquared.squareRoot() * Self.standardNormal(using: &random)))
        }
    }

    /// A standard normal draw (Box-Muller, one of the pair).
    private static func standardNormal(using random: inout SimulationRandom) -> Double {
        let radius = (-2 * log(1 - random.nextUnit())).squareRoot()
        return radius * cos(2 * Double.pi * random.nextUnit())
    }

    /// Draws beyond a year (a far tail of a wide log-normal) are cut to a year: the engine's clock
    /// must not overflow, and no simulated day lasts that long anyway.
    private static func rounded(_ milliseconds: Double) -> Int64 {
        Int64(min(milliseconds, 365 * 24 * 3_600_000).rounded())
    }
}
