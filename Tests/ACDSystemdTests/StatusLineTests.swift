import ACDSystemd
import Testing

@Suite struct StatusLineTests {
    func line(waiting: Int = 0, longest: Duration = .zero, ready: Int = 0, loggedIn: Int = 0, inTime: Int = 0, of total: Int = 0) -> String {
        StatusLine(waiting: waiting, longestWait: longest, readyAgents: ready, loggedInAgents: loggedIn,
                   answeredInTimeToday: inTime, answeredOrAbandonedToday: total).description
    }

    @Test func theLineOperatorsRead() {
        #expect(line(waiting: 12, longest: .seconds(41), ready: 18, loggedIn: 25, inTime: 87, of: 100)
            == "12 waiting (longest 0:41), 18/25 agents ready, SL 87% today")
    }

    @Test func nothingWaiting() {
        #expect(line(longest: .seconds(300), ready: 3, loggedIn: 3, inTime: 1, of: 1) == "0 waiting, 3/3 agents ready, SL 100% today")
    }

    @Test func noCallsYet() {
        #expect(line() == "0 waiting, 0/0 agents ready, no calls yet today")
    }

    @Test(arguments: [
        (Duration.milliseconds(999), "0:00"), (.seconds(9), "0:09"), (.seconds(61), "1:01"), (.seconds(3599), "59:59"),
        (.seconds(3600), "1:00:00"), (.seconds(3 * 3600 + 5 * 60 + 7), "3:05:07"), (.seconds(-5), "0:00"),
    ])
    func longestWaitAsAClock(wait: Duration, shown: String) {
        #expect(line(waiting: 1, longest: wait) == "1 waiting (longest \(shown)), 0/0 agents ready, no calls yet today")
    }

    @Test func serviceLevelRoundsDownSo100MeansEveryCall() {
        #expect(line(inTime: 999, of: 1000).hasSuffix("SL 99% today"))
        #expect(line(inTime: 29, of: 100).hasSuffix("SL 29% today"))
        #expect(line(inTime: 0, of: 7).hasSuffix("SL 0% today"))
    }
}
