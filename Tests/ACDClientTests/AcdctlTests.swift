@testable import acdctl
import Foundation
import ACDCore
import ACDProtocol
import Testing

/// acdctl's own logic: tables, the default socket, console commands, argument order.
@Suite struct AcdctlTests {
    @Test func tablesAlignColumnsAndRightAlignNumbers() {
        var table = TextTable(headers: ["QUEUE", "WAITING", "EWT"], rightAligned: [1])
        table.append(["contable", "12", "3m05s"])
        table.append(["q", "7", "-"])
        #expect(table.render() == """
            QUEUE     WAITING  EWT
            contable       12  3m05s
            q               7  -
            """)
    }

    @Test func tablesCountCharactersNotBytesAndTrimTrailingSpaces() {
        var table = TextTable(headers: ["NAME", "X"])
        table.append(["Héctor", ""])
        table.append(["Ana", "1"])
        #expect(table.render() == "NAME    X\nHéctor\nAna     1")
    }

    @Test func aShortRowIsPadded() {
        var table = TextTable(headers: ["A", "B", "C"], rightAligned: [2])
        table.append(["1"])
        #expect(table.render() == "A  B  C\n1")
    }

    @Test func durationsReadShort() {
        #expect(Display.duration(ms: 850) == "850ms")
        #expect(Display.duration(ms: 12_400) == "12s")
        #expect(Display.duration(ms: 185_000) == "3m05s")
        #expect(Display.duration(ms: 3_725_000) == "1h02m")
        #expect(Display.duration(ms: nil as Int64?) == "-")
    }

    @Test func agentStatesCarryTheirDetails() {
        let agent = AgentView(id: "ana", name: "Ana", state: "wrap_up", sinceMs: 0, untilMs: 20_000, pendingReason: "lunch",
                              callsAnswered: 1, talkTimeMs: 60_000, missedOffers: 0, queues: ["q"])
        #expect(StatusTables.state(of: agent, now: 8_000) == "wrap_up (12s left, then lunch)")
    }

    @Test func queueHoursReadAsOpenOrClosedAndForHowLong() {
        var queue = QueueView(id: "q", waiting: 0, oldestEnteredMs: nil, loggedIn: 0, ready: 0, notReady: 0, averageHandleMs: 0, ewtMs: nil)
        #expect(StatusTables.hours(of: queue, now: 0) == "-")
        queue.open = false
        queue.untilMs = 3_725_000
        #expect(StatusTables.hours(of: queue, now: 0) == "closed (opens in 1h02m)")
        queue.open = true
        queue.untilMs = nil
        #expect(StatusTables.hours(of: queue, now: 0) == "open")
    }

    @Test func theSocketComesFromTheOptionTheEnvironmentOrTheFilesThere() {
        #expect(SocketLocation.resolve(explicit: "/x.sock", environment: ["ACDD_SOCKET": "/e.sock"], exists: { _ in true }) == "/x.sock")
        #expect(SocketLocation.resolve(explicit: nil, environment: ["ACDD_SOCKET": "/e.sock"], exists: { _ in true }) == "/e.sock")
        #expect(SocketLocation.resolve(explicit: nil, environment: ["ACDD_SOCKET": ""], exists: { _ in true }) == "config/run/acdd.sock")
        #expect(SocketLocation.resolve(explicit: nil, environment: [:], exists: { _ in false }) == "/run/acdd/acdd.sock")
    }

    @Test func globalOptionsMayComeBeforeTheSubcommand() {
        #expect(GlobalOptions.movedAfterSubcommand(["--json", "--socket", "/s", "agent", "ready", "ana"])
            == ["agent", "ready", "ana", "--json", "--socket", "/s"])
        #expect(GlobalOptions.movedAfterSubcommand(["--socket=/s", "send", "--", "{}"]) == ["send", "--socket=/s", "--", "{}"])
        #expect(GlobalOptions.movedAfterSubcommand(["status", "--json"]) == ["status", "--json"])
        #expect(GlobalOptions.movedAfterSubcommand(["--timeout", "2", "status"]) == ["status", "--timeout", "2"])
    }

    @Test func consoleCommandsReadShortAndLong() {
        #expect(ConsoleCommand.parse("a") == .accept(call: nil))
        #expect(ConsoleCommand.parse("accept c-7") == .accept(call: "c-7"))
        #expect(ConsoleCommand.parse("r") == .reject(call: nil))
        #expect(ConsoleCommand.parse("d") == .done(nil))
        #expect(ConsoleCommand.parse("d perfect invoice copy -- sent it again")
            == .done(WrapUpClassification(callType: "perfect", motive: "invoice", subMotive: "copy", notes: "sent it again")))
        #expect(ConsoleCommand.parse("done improper") == .done(WrapUpClassification(callType: "improper")))
        #expect(ConsoleCommand.parse("d a b c d") == .invalid("done takes a call type, a motive and a sub-motive at most; notes go after --"))
        #expect(ConsoleCommand.parse("b lunch") == .notReady(reason: "lunch"))
        #expect(ConsoleCommand.parse("break  training ") == .notReady(reason: "training"))
        #expect(ConsoleCommand.parse("ready") == .ready)
        #expect(ConsoleCommand.parse("Q") == .quit)
        #expect(ConsoleCommand.parse("   ") == nil)
        #expect(ConsoleCommand.parse("b") == .invalid("break needs one reason, e.g. 'b lunch'"))
        #expect(ConsoleCommand.parse("dance") == .invalid("no command 'dance' (h for help)"))
        #expect(ConsoleCommand.parse("t luis") == .transfer(toAgent: "luis"))
        #expect(ConsoleCommand.parse("transfer") == .invalid("transfer needs one agent, e.g. 't luis'"))
        #expect(ConsoleCommand.parse("e") == .escalate)
        #expect(ConsoleCommand.parse("escalate now") == .invalid("escalate takes no argument"))
    }

    @Test func eventsReadAsOneLine() {
        var event = WireEvent(.callOffer, seq: 4)
        event.call = "c-1"
        event.agent = "ana"
        event.queue = "contable"
        event.tier = 1
        event.ewtMs = 65_000
        event.rule = "longest-idle in queue contable"
        #expect(EventLine.render(event, at: nil)
            == #"call.offer call=c-1 agent=ana queue=contable ewt=1m05s rule="longest-idle in queue contable" tier=1"#)
    }
}

@Suite struct ReplayTimeTests {
    let madrid = TimeZone(identifier: "Europe/Madrid")!

    @Test func instantsReadInTheGivenTimeZoneOrAsMilliseconds() {
        // 2026-11-28 10:42 in Madrid (UTC+1) is 09:42 UTC.
        #expect(ReplayCommand.parse("2026-11-28 10:42", timeZone: madrid)?.millisecondsSinceEpoch == 1_795_858_920_000)
        #expect(ReplayCommand.parse("2026-11-28 10:42:05.25", timeZone: madrid)?.millisecondsSinceEpoch == 1_795_858_925_250)
        #expect(ReplayCommand.parse("@1795858920000", timeZone: madrid)?.millisecondsSinceEpoch == 1_795_858_920_000)
    }

    @Test func malformedInstantsAreRefused() {
        for text in ["2026-11-28", "2026-02-30 10:00", "2026-11-28 25:00", "2026-11-28 10:00:00.1234", "@x", "yesterday"] {
            #expect(ReplayCommand.parse(text, timeZone: madrid) == nil, "\(text)")
        }
    }
}
