import ACDCore
import ACDRecords
import Foundation
import GRDB
import Testing

/// Random mornings of inbound calls, callbacks and outbound calls (accepted, rejected, dialed with
/// every result, hung up, abandoned, withdrawn), then every call brought to its end: the reports over
/// the records must say what the engine's live figures say, and every attempt must have its row.
struct DialingRecordsPropertyTests {
    static let madrid = TimeZone(identifier: "Europe/Madrid")!
    static let nineAM = Instant.seconds(1_741_939_200)   // 2025-03-14 09:00:00 +01:00
    static let day = ReportDate(year: 2025, month: 3, day: 14)
    static let agents: [AgentID] = ["a1", "a2", "a3"]

    static let center = CenterConfiguration(
        queues: [QueueConfiguration(
            id: "q", offerTimeout: .seconds(8), rejectDelay: .seconds(2), wrapUp: .seconds(5), serviceLevelThreshold: .seconds(10),
            dialing: DialPolicy(maxAttempts: 2, retryDelay: .seconds(20), outboundReserve: 1)
        )],
        agents: agents.map { AgentConfiguration(id: $0, tiers: ["q": 1]) }
    )

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func theReportsAgreeWithTheEnginesFigures(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var run = try RecordsHarness(Self.center, origin: Self.nineAM)
        var second = 0.0
        var calls = 0
        for agent in Self.agents { try run.at(0, .login(agent: agent)) }
        for _ in 0..<300 {
            second += Double(Int.random(in: 0...6, using: &random))
            let roll = Int.random(in: 0..<100, using: &random)
            let command: Command
            switch roll {
            case 0..<15:
                calls += 1
                command = .enqueue(NewCall(id: CallID("c\(calls)"), queue: "q"))
            case 15..<22:
                calls += 1
                let later = Bool.random(using: &random) ? Self.nineAM + .seconds(Int64(second) + 15) : nil
                command = .pushOutbound(OutboundCall(id: CallID("o\(calls)"), queue: "q", number: "\(calls)", notBefore: later))
            case 22..<85 where !run.engine.liveCallIDs.isEmpty:
                command = Self.callCommand(run.engine.liveCallIDs.randomElement(using: &random)!, in: run.engine, at: second, &random)
            default:
                let agent = Self.agents.randomElement(using: &random)!
                command = switch run.engine.agentStatus(agent)?.state {
                case .notReady?, .loggedOut?, nil: .ready(agent: agent)
                case .ready?, .offered?, .busy?: .notReady(agent: agent, reason: .onBreak)
                case .wrapUp?: .wrapUpDone(agent: agent)
                }
            }
            try? run.at(second, command)
        }
        // Every call to its end: attempts failed, conversations hung up, the rest withdrawn or
        // abandoned; then the wrap-ups run out.
        for call in run.engine.liveCallIDs {
            switch run.engine.callStatus(call)?.state {
            case .dialing?: try run.at(second, .dialResult(call: call, result: .failed))
            case .connected?: try run.at(second, .hangup(call: call, by: .agent))
            case .waiting?, .offered?, .scheduled?: try run.at(second, .abandon(call: call))
            case nil: break
            }
        }
        try run.wait(until: second + 60)
        #expect(run.engine.liveCallIDs.isEmpty)

        let query = ReportQuery(
            buckets: ReportCalendar.buckets(from: Self.day, through: Self.day, interval: .day, timeZone: Self.madrid),
            now: run.instant(second + 60)
        )
        let (queues, agents, attempts) = try run.database.read { db in
            (
                try RecordReports.queues(query, in: db), try RecordReports.agents(query, in: db),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM records_dial_attempt")!
            )
        }
        let live = try #require(run.engine.queueStatus("q")?.figures)
        let row = queues.first ?? QueueReportRow(
            bucket: query.buckets[0], queue: "q", offered: 0, answered: 0, answeredInTime: 0, abandoned: 0, shortAbandoned: 0,
            otherUnanswered: 0, answeredWait: .zero, handleTime: .zero, longestWait: .zero
        )
        #expect(queues.count <= 1)
        #expect((row.offered, row.answered, row.answeredInTime, row.abandoned) == (live.offered, live.answered, live.answeredInTime, live.abandoned))
        #expect(row.answeredWait == .milliseconds(live.answeredWaitMilliseconds))
        #expect((row.callbacks, row.callbacksReached, row.outbound, row.outboundReached) == (live.callbacks, live.callbacksReached, live.outbound, live.outboundReached))
        #expect(row.dialAttempts - row.callbacksReached - row.outboundReached == live.dialFailures)
        #expect(row.dialAttempts == attempts)
        #expect(row.offered == row.answered + row.abandoned + row.otherUnanswered + row.callbacks)
        #expect(agents.reduce(0) { $0 + $1.dialed } == row.callbacksReached + row.outboundReached)
        #expect(agents.reduce(0) { $0 + $1.dialAttempts } == attempts)
        for agent in agents {
            #expect(agent.handled == run.engine.agentStatus(agent.agent)?.counters.callsAnswered, "\(agent.agent)")
        }
        // Each dialed call's attempts: numbered in order, each after the one before, only the last
        // one reached (and then the call was answered), a retry time only before another attempt.
        for call in run.calls where call.kind != .inbound {
            let results = call.dialAttempts.map(\.result)
            #expect(!results.dropLast().contains(.reached))
            #expect((results.last == .reached) == (call.answered != nil))
            #expect(call.dialAttempts.dropLast().allSatisfy { $0.retryAt != nil })
            if let last = call.dialAttempts.last {
                #expect((last.retryAt != nil) == (call.outcome == .cancelled), "a call withdrawn while it waited for its retry")
            }
            #expect(zip(call.dialAttempts, call.dialAttempts.dropFirst()).allSatisfy { $0.ended <= $1.started && $0.retryAt! <= $1.started })
        }
    }

    static func callCommand(_ call: CallID, in engine: RoutingEngine, at second: Double, _ random: inout SplitMix64) -> Command {
        let choice = Int.random(in: 0..<10, using: &random)
        switch engine.callStatus(call)?.state {
        case .waiting?:
            return choice < 3 ? .abandon(call: call) : .requestCallback(call: call, number: "555", notBefore: nil)
        case .offered(let agents)?:
            let agent = agents.randomElement(using: &random) ?? "a1"
            return switch choice {
            case 0..<6: .accept(call: call, agent: agent)
            case 6..<8: .reject(call: call, agent: agent)
            case 8: .requestCallback(call: call, number: "555", notBefore: nil)
            default: .abandon(call: call)
            }
        case .dialing?:
            return switch choice {
            case 0..<4: .dialResult(call: call, result: .reached)
            case 4..<7: .dialResult(call: call, result: .noAnswer)
            case 7..<9: .dialResult(call: call, result: .retry(at: nineAM + .seconds(Int64(second) + 10)))
            default: .dialResult(call: call, result: .failed)
            }
        case .scheduled?:
            return .abandon(call: call)
        case .connected?:
            return .hangup(call: call, by: choice < 5 ? .caller : .agent)
        case nil:
            return .abandon(call: call)
        }
    }
}
