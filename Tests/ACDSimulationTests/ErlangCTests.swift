import ACDSimulation
import Testing

/// Erlang C against known values: the textbook example of 10 erlangs (100 calls in half an hour
/// of 3 minutes each, 80% in 20 s), and large centers computed exactly with 60-digit arithmetic
/// (mpmath), where factorials would overflow a Double.
@Suite struct ErlangCTests {
    @Test(arguments: [
        // agents, probability of waiting, service level in 20 s, ASA in seconds
        (11, 0.6821182046893324, 0.3896138117291533, 122.78127684407983),
        (12, 0.44938822429827086, 0.6401580403740066, 40.44494018684438),
        (13, 0.28527045303649295, 0.7955947884177831, 17.11622718218958),
        (14, 0.17413193359504983, 0.8883500191794669, 7.835937011777243),
        (15, 0.10204236700798801, 0.9414528428690223, 3.6735252122875686),
    ])
    func tenErlangs(agents: Int, waiting: Double, serviceLevel: Double, speed: Double) {
        let model = ErlangC(arrivalRate: 100.0 / 1800, averageHandleTime: 180, agents: agents)
        #expect(abs(model.load - 10) < 1e-12)
        #expect(abs(model.probabilityOfWaiting - waiting) < 1e-12)
        #expect(abs(model.serviceLevel(threshold: 20) - serviceLevel) < 1e-12)
        #expect(abs(model.averageSpeedOfAnswer - speed) < 1e-9)
        #expect(abs(model.occupancy - 10 / Double(agents)) < 1e-12)
    }

    @Test(arguments: [(500, 480.0, 0.26651251996236414), (1000, 950.0, 0.06825341537714143), (2000, 1990.0, 0.7481429359412843)])
    func hundredsAndThousandsOfAgents(agents: Int, load: Double, waiting: Double) {
        let model = ErlangC(arrivalRate: load / 180, averageHandleTime: 180, agents: agents)
        #expect(abs(model.probabilityOfWaiting - waiting) < 1e-10)
    }

    @Test func serviceLevelOfALargeCenter() {
        let model = ErlangC(arrivalRate: 480.0 / 180, averageHandleTime: 180, agents: 500)
        #expect(abs(model.serviceLevel(threshold: 20) - 0.9711185650477925) < 1e-10)
    }

    @Test func erlangBOfSmallCases() {
        // B(1, A) = A / (1 + A); B(2, 1) = (1/2) / (1 + 1 + 1/2).
        #expect(abs(ErlangC.erlangB(agents: 1, load: 3) - 0.75) < 1e-15)
        #expect(abs(ErlangC.erlangB(agents: 2, load: 1) - 0.2) < 1e-15)
        #expect(ErlangC.erlangB(agents: 0, load: 5) == 1)
    }

    @Test func atOrAboveCapacityEveryCallWaitsForever() {
        let model = ErlangC(arrivalRate: 10.0 / 180, averageHandleTime: 180, agents: 10)
        #expect(!model.isStable)
        #expect(model.probabilityOfWaiting == 1)
        #expect(model.serviceLevel(threshold: 20) == 0)
        #expect(model.averageSpeedOfAnswer == .infinity)
        #expect(model.occupancy == 1)
    }

    @Test func moreAgentsNeverServeWorse() {
        var previous = 0.0
        for agents in 101...160 {
            let level = ErlangC(arrivalRate: 100.0 / 180, averageHandleTime: 180, agents: agents).serviceLevel(threshold: 20)
            #expect(level >= previous)
            #expect((0...1).contains(level))
            previous = level
        }
        #expect(previous > 0.999)
    }

    @Test func noCallsNoWaiting() {
        let model = ErlangC(arrivalRate: 0, averageHandleTime: 180, agents: 3)
        #expect(model.probabilityOfWaiting == 0)
        #expect(model.serviceLevel(threshold: 0) == 1)
        #expect(model.averageSpeedOfAnswer == 0)
    }
}
