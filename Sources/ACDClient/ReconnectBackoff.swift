/// How long to wait before each reconnect attempt: `initial`, multiplied by `multiplier` after
/// every failure up to `maximum`, each wait shortened at random by up to `jitter` (a fraction) so
/// that many clients cut off together do not all come back at the same instant.
public struct ReconnectBackoff: Sendable, Equatable {
    /// The first wait.
    public var initial: Duration
    /// No wait is longer than this.
    public var maximum: Duration
    /// Each failure multiplies the wait by this.
    public var multiplier: Int
    /// 0 for exact waits; 0.2 makes each wait 80-100 % of its step.
    public var jitter: Double
    /// Failures since the last success: the step the next wait is taken from.
    public private(set) var failures = 0

    /// By default: 100 ms, doubling up to 5 s, each wait shortened by up to 20 %.
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5), multiplier: Int = 2,
                jitter: Double = 0.2) {
        precondition(initial > .zero && maximum >= initial, "the back-off needs 0 < initial <= maximum")
        precondition(multiplier >= 1, "the back-off multiplier must be at least 1")
        precondition((0...1).contains(jitter), "the jitter is a fraction from 0 to 1")
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The wait before the next attempt, counting one more failure.
    public mutating func next(using generator: inout some RandomNumberGenerator) -> Duration {
        let step = step(after: failures)
        failures += 1
        guard jitter > 0 else { return step }
        let keep = 1 - jitter * Double.random(in: 0..<1, using: &generator)
        return step * keep
    }

    /// The wait, before jitter, after `failures` failures.
    public func step(after failures: Int) -> Duration {
        var step = initial
        for _ in 0..<failures {
            step *= multiplier
            if step >= maximum { return maximum }
        }
        return min(step, maximum)
    }

    /// Back to the first step (after a successful connection).
    public mutating func reset() {
        failures = 0
    }
}
