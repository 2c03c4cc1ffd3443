import ACDClient
import ACDCore
import Testing

@Suite struct ReconnectBackoffTests {
    @Test func doublesFromAHundredMillisecondsUpToFiveSeconds() {
        var backoff = ReconnectBackoff(jitter: 0)
        var generator = SplitMix64(seed: 1)
        let waits = (0..<9).map { _ in backoff.next(using: &generator) }
        #expect(waits == [100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000].map { Duration.milliseconds($0) })
    }

    @Test func jitterShortensEachWaitByUpToItsFractionAndIsReproducible() {
        func waits(seed: UInt64) -> [Duration] {
            var backoff = ReconnectBackoff(jitter: 0.2)
            var generator = SplitMix64(seed: seed)
            return (0..<12).map { _ in backoff.next(using: &generator) }
        }
        let first = waits(seed: 42)
        let steps = (0..<12).map { ReconnectBackoff().step(after: $0) }
        for (wait, step) in zip(first, steps) {
            #expect(wait <= step)
            #expect(wait >= step * 0.8)
        }
        #expect(waits(seed: 42) == first)
        #expect(waits(seed: 43) != first)
        #expect(Set(first).count > 6, "the waits vary")
    }

    @Test func aSuccessStartsOver() {
        var backoff = ReconnectBackoff(initial: .milliseconds(10), maximum: .seconds(1), multiplier: 3, jitter: 0)
        var generator = SplitMix64(seed: 7)
        #expect(backoff.next(using: &generator) == .milliseconds(10))
        #expect(backoff.next(using: &generator) == .milliseconds(30))
        #expect(backoff.next(using: &generator) == .milliseconds(90))
        #expect(backoff.failures == 3)
        backoff.reset()
        #expect(backoff.next(using: &generator) == .milliseconds(10))
    }

    @Test func manyFailuresStayAtTheMaximum() {
        #expect(ReconnectBackoff().step(after: 10_000) == .seconds(5))
    }
}
