@testable import ACDSimulation
import ACDCore
import Testing

/// The generator against the reference implementation, and the distributions' shapes.
@Suite struct RandomAndDistributionTests {
    @Test func xoshiroMatchesTheReferenceOutputs() {
        // xoshiro256** from state (1, 2, 3, 4), as the authors' C code computes it.
        var random = SimulationRandom(state: (1, 2, 3, 4))
        let outputs = (0..<6).map { _ in random.next() }
        #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600])
    }

    @Test func seedsGiveTheirOwnSequences() {
        var first = SimulationRandom(seed: 1)
        var again = SimulationRandom(seed: 1)
        var other = SimulationRandom(seed: 2)
        let sequence = (0..<8).map { _ in first.next() }
        #expect((0..<8).map { _ in again.next() } == sequence)
        #expect((0..<8).map { _ in other.next() } != sequence)
        #expect(SimulationRandom.seed(1, stream: 1) != SimulationRandom.seed(1, stream: 2))
        #expect(SimulationRandom.seed(1, stream: 1) != SimulationRandom.seed(2, stream: 1))
    }

    @Test func unitDrawsStayInTheHalfOpenInterval() {
        var random = SimulationRandom(seed: 3)
        var sum = 0.0
        for _ in 0..<100_000 {
            let unit = random.nextUnit()
            #expect(unit >= 0 && unit < 1)
            sum += unit
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.005)
    }

    /// Mean and standard deviation, in seconds, of `count` draws.
    private func moments(_ distribution: TimeDistribution, count: Int = 200_000, seed: UInt64 = 4) -> (mean: Double, deviation: Double) {
        var random = SimulationRandom(seed: seed)
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<count {
            let value = Double(distribution.sampleMilliseconds(using: &random)) / 1000
            sum += value
            squares += value * value
        }
        let mean = sum / Double(count)
        return (mean, (squares / Double(count) - mean * mean).squareRoot())
    }

    @Test func exponentialDrawsHaveTheirMeanAndDeviation() {
        // Standard error of the mean: 180 / sqrt(200,000) = 0.4 s.
        let (mean, deviation) = moments(.exponential(mean: .seconds(180)))
        #expect(abs(mean - 180) < 2)
        #expect(abs(deviation - 180) < 3)
    }

    @Test func logNormalDrawsHaveTheirMeanAndDeviation() {
        let (mean, deviation) = moments(.logNormal(mean: .seconds(240), standardDeviation: .seconds(120)))
        #expect(abs(mean - 240) < 2)
        #expect(abs(deviation - 120) < 3)
    }

    @Test func fixedDrawsAreTheValue() {
        let (mean, deviation) = moments(.fixed(.milliseconds(42_500)), count: 10)
        #expect(mean == 42.5)
        #expect(deviation == 0)
    }

    @Test func impossibleParametersAreNamed() {
        #expect(TimeDistribution.exponential(mean: .zero).problem != nil)
        #expect(TimeDistribution.logNormal(mean: .seconds(1), standardDeviation: .seconds(-1)).problem != nil)
        #expect(TimeDistribution.fixed(.seconds(-1)).problem != nil)
        #expect(TimeDistribution.fixed(.zero).problem == nil)
        #expect(TimeDistribution.logNormal(mean: .seconds(60), standardDeviation: .seconds(30)).mean == .seconds(60))
    }

    @Test func arrivalsFollowEachIntervalsRate() {
        // 60, 0 and 240 calls an hour in three half hours, then 240 on: the counts match, none
        // arrives while the rate is zero.
        let stream = TrafficStream(queue: "q", callsPerHour: [60, 0, 240], handleTime: .fixed(.seconds(1)))
        var random = SimulationRandom(seed: 5)
        var counts = [0, 0, 0, 0]
        var time = 0.0
        var days = 0
        while days < 200 {
            guard let next = stream.nextArrival(after: time, intervalSeconds: 1800, using: &random) else { break }
            if next >= 7200 {
                days += 1
                time = 0
                continue
            }
            counts[Int(next / 1800)] += 1
            time = next
        }
        #expect(counts[1] == 0)
        // Expected per 200 runs: 6,000, 0, 24,000, 24,000; standard deviations 77 and 155.
        #expect(abs(counts[0] - 6000) < 400)
        #expect(abs(counts[2] - 24_000) < 800)
        #expect(abs(counts[3] - 24_000) < 800)
        #expect(TrafficStream(queue: "q", callsPerHour: [5, 0], handleTime: .fixed(.zero))
            .nextArrival(after: 1800, intervalSeconds: 1800, using: &random) == nil)
    }
}
