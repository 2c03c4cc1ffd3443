import ACDCore
@testable import ACDJournal
import Foundation
import Testing

/// Entries in their packed form (the journal's v6): every command comes back as it went in, with
/// its optional fields set or not; entries written before, in the keyed binary form, still read;
/// damaged bytes are refused, never a crash.
struct PackedEntryTests {
    /// One command of every kind, the optional fields set in some and not in others.
    static let commands: [Command] = [
        .enqueue(NewCall(id: "c1", queue: "sales", priority: 7, segment: "vip", attributes: ["dnis": "800", "lang": "fr"],
                         enteredSystem: .seconds(1_700_000_000), callbackNumber: "+33 1 23")),
        .enqueue(NewCall(id: "c2", queue: "sales")),
        .accept(call: "c1", agent: "alice"),
        .reject(call: "c1", agent: "bob"),
        .noAnswer(call: "c1", agent: "carol"),
        .hangup(call: "c1", by: .agent),
        .hangup(call: "c1", by: .caller),
        .abandon(call: "c2"),
        .transfer(call: "c1", to: "support"),
        .consultTransfer(call: "c1", from: "alice", to: "bob"),
        .acceptConsult(call: "c1", agent: "bob"),
        .declineConsult(call: "c1", agent: "bob"),
        .escalate(call: "c1", by: "alice"),
        .escalate(call: "c1", by: nil),
        .requestCallback(call: "c3", number: "+44 20", notBefore: .seconds(1_700_000_600)),
        .requestCallback(call: "c3", number: "+44 20", notBefore: nil),
        .pushOutbound(OutboundCall(id: "o1", queue: "renewals", number: "555", priority: 3, attributes: ["list": "q4"],
                                   notBefore: .seconds(1_700_000_900))),
        .pushOutbound(OutboundCall(id: "o2", queue: "renewals", number: "556")),
        .dialResult(call: "o1", result: .reached),
        .dialResult(call: "o1", result: .noAnswer),
        .dialResult(call: "o1", result: .retry(at: .seconds(1_700_003_600))),
        .dialResult(call: "o1", result: .failed),
        .reprioritize(call: "c1", priority: 9),
        .move(call: "c1", to: "support"),
        .login(agent: "alice", notReady: nil),
        .login(agent: "alice", notReady: .lunch),
        .logout(agent: "alice"),
        .forceLogout(agent: "alice"),
        .ready(agent: "alice"),
        .notReady(agent: "alice", reason: .onBreak),
        .forceNotReady(agent: "alice", reason: .meeting),
        .wrapUpDone(agent: "alice", classification: nil),
        .wrapUpDone(agent: "alice", classification: CallClassification(callType: "sale", motive: "renewal", subMotive: "price", notes: "ok")),
        .survey(call: "c1", score: 5),
        .beginDay,
        .setOpen(queue: "sales", state: OpeningState(isOpen: false, until: .seconds(1_700_050_000))),
        .setOpen(queue: "sales", state: OpeningState(isOpen: true, until: nil)),
        .reconfigure(RandomCenterRun.configuration, removedQueueCalls: .leave),
        .reconfigure(RandomCenterRun.configuration, removedQueueCalls: .moveTo("sales")),
    ]

    @Test func everyCommandRoundTrips() throws {
        for (index, command) in Self.commands.enumerated() {
            let entry = JournalEntry(sequence: Int64(index) * 1_000_003, at: .seconds(1_700_000_000 + Int64(index)), command: command,
                                     owner: index % 2 == 0 ? "0/pbx" : nil)
            let body = try JournalBody.encode(entry)
            #expect(body.first == JournalBody.Format.packedEntry.rawValue)
            #expect(try JournalBody.decode(JournalEntry.self, from: body) == entry)
        }
    }

    @Test func entriesInTheKeyedFormStillRead() throws {
        for command in Self.commands {
            let entry = JournalEntry(sequence: 42, at: .seconds(1_700_000_000), command: command, owner: "1/ivr")
            let body = Data(try BinaryEncoder().encode(entry, prefix: [JournalBody.Format.binary.rawValue]))
            #expect(try JournalBody.decode(JournalEntry.self, from: body) == entry)
        }
    }

    @Test func damagedEntriesAreRefused() throws {
        for command in Self.commands {
            let body = try JournalBody.encode(JournalEntry(sequence: 1, at: .seconds(1_700_000_000), command: command, owner: "0/pbx"))
            for length in 1..<body.count {
                #expect(throws: (any Error).self) { try JournalBody.decode(JournalEntry.self, from: body.prefix(length)) }
            }
            #expect(throws: (any Error).self) { try JournalBody.decode(JournalEntry.self, from: body + [0]) }
            // The same entry with `beginDay` ends with the command's tag: what comes before it is the
            // same for every command.
            let tag = try JournalBody.encode(JournalEntry(sequence: 1, at: .seconds(1_700_000_000), command: .beginDay, owner: "0/pbx")).count - 1
            var unknownCommand = body
            unknownCommand[tag] = 200
            #expect {
                try JournalBody.decode(JournalEntry.self, from: unknownCommand)
            } throws: { error in
                "\(error)".contains("command 200 unknown")
            }
        }
    }

    @Test func aPackedEntryIsNotTakenForAnotherValue() throws {
        let body = try JournalBody.encode(JournalEntry(sequence: 1, at: .seconds(1), command: .beginDay))
        #expect(throws: DecodingError.self) { try JournalBody.decode(CenterConfiguration.self, from: body) }
    }

    @Test func aPackedEntryIsSmallerThanItsKeyedForm() throws {
        let entry = JournalEntry(sequence: 123_456, at: .seconds(1_700_000_000), command: Self.commands[0], owner: "0/pbx")
        let keyed = try BinaryEncoder().encode(entry, prefix: [JournalBody.Format.binary.rawValue])
        #expect(try JournalBody.encode(entry).count * 2 < keyed.count)
    }
}
