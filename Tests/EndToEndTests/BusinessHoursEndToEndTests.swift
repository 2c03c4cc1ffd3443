import Foundation
import Testing

/// End-to-end: business hours through the socket. Queues closed today and tomorrow (holidays in
/// UTC, so whatever the hour the next opening is the midnight after tomorrow) refuse with `closed`
/// and the next opening, send to voicemail, or send to another queue; a queue open all week in a
/// time zone far from the machine's (UTC+14) serves; queue views and supervisors see the state; a
/// reload that opens a queue tells the supervisors; the report counts the calls turned away.
@Suite(.serialized) struct BusinessHoursEndToEndTests {
    /// Today and tomorrow in UTC, and the instant (ms) of the midnight after tomorrow.
    static func days() -> (today: String, tomorrow: String, opens: Int64) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = calendar.startOfDay(for: Date())
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: today)!
        let opens = calendar.date(byAdding: .day, value: 2, to: today)!
        let format = DateFormatter()
        format.calendar = calendar
        format.timeZone = calendar.timeZone
        format.dateFormat = "yyyy-MM-dd"
        return (format.string(from: today), format.string(from: tomorrow), Int64(opens.timeIntervalSince1970) * 1000)
    }

    static func configuration(closedHolidays: Bool) -> String {
        let (today, tomorrow, _) = days()
        let holidays = closedHolidays ? "[\(today), \(tomorrow)]" : "[]"
        let week = "{monday: [\"00:00-24:00\"], tuesday: [\"00:00-24:00\"], wednesday: [\"00:00-24:00\"], thursday: [\"00:00-24:00\"], friday: [\"00:00-24:00\"], saturday: [\"00:00-24:00\"], sunday: [\"00:00-24:00\"]}"
        return """
            socket:
              path: SOCKET
              mode: "0666"
            limits:
              adapter_grace: 1s
              position_interval: 0
            queues:
              - {id: shut, hours: {time_zone: UTC, week: \(week), holidays: \(holidays)}}
              - {id: voice, hours: {time_zone: UTC, week: \(week), holidays: \(holidays), when_closed: {voicemail: "sip:vm@pbx"}}}
              - {id: away, hours: {time_zone: UTC, week: \(week), holidays: \(holidays), when_closed: {queue: open}}}
              - {id: open, hours: {time_zone: Pacific/Kiritimati, week: \(week)}}
            agents:
              - {id: ana, tiers: {open: 1, shut: 1}}
            """
    }

    func errorOf(_ reply: [String: Any]) -> [String: Any]? {
        reply["error"] as? [String: Any]
    }

    @Test func closedQueuesTurnCallsAwayAndOpenOnesServe() throws {
        let opens = Self.days().opens
        let daemon = try DaemonProcess(configuration: Self.configuration(closedHolidays: true))
        defer { daemon.stop() }
        let (adapter, _) = try daemon.client("adapter")
        let (agent, _) = try daemon.client("agent", agent: "ana")
        let (supervisor, _) = try daemon.client("supervisor")
        supervisor.send(#"{"type":"subscribe","id":1,"topics":["queues"]}"#)
        _ = try supervisor.reply(1)
        agent.send(#"{"type":"agent.login","id":1}"#)
        #expect(try agent.reply(1)["ok"] as? Bool == true, "agents log in and stay ready outside hours")

        // Closed: refused, with the next opening.
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"shut"}"#)
        let refused = try adapter.reply(1)
        #expect(refused["ok"] as? Bool == false)
        #expect(errorOf(refused)?["code"] as? String == "closed")
        #expect((errorOf(refused)?["opens_ms"] as? NSNumber)?.int64Value == opens, "\(refused)")

        // Closed with voicemail: taken, then told to leave toward it.
        adapter.send(#"{"type":"call.enqueue","id":2,"call":"c2","queue":"voice"}"#)
        #expect(try adapter.reply(2)["ok"] as? Bool == true)
        let leave = try adapter.event("call.leave")
        #expect(leave["call"] as? String == "c2" && leave["reason"] as? String == "closed")
        #expect(leave["destination"] as? String == "sip:vm@pbx")

        // Closed, sending its calls on: the call waits in (and rings from) the open queue.
        adapter.send(#"{"type":"call.enqueue","id":3,"call":"c3","queue":"away"}"#)
        let sent = try adapter.reply(3)
        #expect(sent["ok"] as? Bool == true && sent["queue"] as? String == "open", "\(sent)")
        let offer = try agent.event("offer")
        #expect(offer["call"] as? String == "c3" && offer["queue"] as? String == "open")
        adapter.send(#"{"type":"call.abandon","id":4,"call":"c3"}"#)
        _ = try adapter.reply(4)

        // The queue views.
        supervisor.send(#"{"type":"status","id":2}"#)
        let queues = try supervisor.reply(2)["queues"] as? [[String: Any]] ?? []
        let shut = try #require(queues.first { $0["id"] as? String == "shut" })
        #expect(shut["open"] as? Bool == false && (shut["until_ms"] as? NSNumber)?.int64Value == opens, "\(shut)")
        let open = try #require(queues.first { $0["id"] as? String == "open" })
        #expect(open["open"] as? Bool == true && open["until_ms"] == nil, "\(open)")

        // A reload without the holidays opens the closed queues, and supervisors hear it.
        try Self.configuration(closedHolidays: false).replacingOccurrences(of: "SOCKET", with: daemon.socketPath)
            .write(toFile: daemon.path("acdd.yaml"), atomically: true, encoding: .utf8)
        kill(daemon.process.processIdentifier, SIGHUP)
        let opened = try supervisor.read { $0["event"] as? String == "queue.opened" && $0["queue"] as? String == "shut" }
        #expect(opened["until_ms"] == nil, "open all week: no change in sight")
        adapter.send(#"{"type":"call.enqueue","id":5,"call":"c5","queue":"shut"}"#)
        #expect(try adapter.reply(5)["ok"] as? Bool == true)
        #expect(try agent.event("offer")["call"] as? String == "c5")

        // The report counts the calls the closed queues turned away or sent on.
        let (status, text) = try daemon.report(["--interval", "day", "--json"])
        #expect(status == 0, "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        let rows = object["rows"] as? [[String: Any]] ?? []
        let closedCalls = rows.reduce(0) { $0 + ($1["closed"] as? Int ?? 0) }
        let redirected = rows.first { $0["queue"] as? String == "away" }?["redirected"] as? Int
        #expect(closedCalls == 2, "\(text)")
        #expect(redirected == 1, "\(text)")
    }

    @Test func afterKill9TheRecoveredStateGivesTheSameAnswers() throws {
        let opens = Self.days().opens
        let configuration = Self.configuration(closedHolidays: true)
        let first = try DaemonProcess(configuration: configuration)
        let directory = first.directory
        defer { try? FileManager.default.removeItem(at: directory) }
        let (adapter, _) = try first.client("adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"shut"}"#)
        #expect(errorOf(try adapter.reply(1))?["code"] as? String == "closed")
        adapter.send(#"{"type":"call.enqueue","id":2,"call":"c2","queue":"away"}"#)
        #expect(try adapter.reply(2)["queue"] as? String == "open")
        first.kill()

        let second = try DaemonProcess(configuration: configuration, directory: directory)
        defer { second.stop() }
        #expect(!second.logContains("refused on replay"), "\(second.log)")
        let (again, _) = try second.client("adapter")
        again.send(#"{"type":"call.enqueue","id":1,"call":"c3","queue":"shut"}"#)
        let refused = try again.reply(1)
        #expect(errorOf(refused)?["code"] as? String == "closed")
        #expect((errorOf(refused)?["opens_ms"] as? NSNumber)?.int64Value == opens)
        // The call sent on before the crash still waits where it was sent.
        let (supervisor, _) = try second.client("supervisor")
        supervisor.send(#"{"type":"status","id":1}"#)
        let calls = try supervisor.reply(1)["calls"] as? [[String: Any]] ?? []
        #expect(calls.first { $0["id"] as? String == "c2" }?["queue"] as? String == "open", "\(calls)")
        // Replayed from the journaled opening, the refused call was refused again, not taken.
        #expect(!calls.contains { $0["id"] as? String == "c1" }, "\(calls)")
    }
}
