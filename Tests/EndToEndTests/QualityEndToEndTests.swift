import Foundation
import Testing

/// End-to-end: an agent classifies a call over the socket (refused while the classification is
/// missing or outside its queue's catalogue), the adapter scores it (refused out of range, for a
/// live or unknown call, and twice), and `acdctl report` shows both.
@Suite struct QualityEndToEndTests {
    static let configuration = """
        socket:
          path: SOCKET
        limits:
          position_interval: 0
        queues:
          - id: billing
            offer_timeout: 1h
            wrap_up: 1h
            classification:
              required: true
              motives: {invoice: [copy, error], payment: []}
              max_notes: 20
          - {id: support}
        agents:
          - {id: ana, tiers: {billing: 1}}
        """

    func errorCode(_ reply: [String: Any]) -> String? {
        (reply["error"] as? [String: Any])?["code"] as? String
    }

    func report(_ daemon: DaemonProcess, _ by: String) throws -> [[String: Any]] {
        let (status, text) = try daemon.report(["--by", by, "--interval", "day", "--json"])
        #expect(status == 0, "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        return object["rows"] as? [[String: Any]] ?? []
    }

    @Test func aClassifiedAndScoredCallShowsInTheReports() throws {
        let daemon = try DaemonProcess(configuration: Self.configuration)
        defer { daemon.stop() }
        let (agent, _) = try daemon.client("agent", agent: "ana")
        agent.send(#"{"type":"agent.login","id":1}"#)
        _ = try agent.reply(1)
        let (adapter, _) = try daemon.client("adapter")
        adapter.send(#"{"type":"call.enqueue","id":1,"call":"c1","queue":"billing"}"#)
        _ = try adapter.reply(1)
        agent.send(#"{"type":"agent.accept","id":2,"call":"c1"}"#)
        _ = try agent.reply(2)
        adapter.send(#"{"type":"call.survey","id":2,"call":"c1","score":4}"#)
        #expect(errorCode(try adapter.reply(2)) == "call_not_ended")
        adapter.send(#"{"type":"call.hangup","id":3,"call":"c1","by":"caller"}"#)
        _ = try adapter.reply(3)
        // The agent's client learns the catalogue to classify with.
        let wrapUp = try agent.event("wrapup.started")
        #expect(wrapUp["queue"] as? String == "billing" && wrapUp["classification_required"] as? Bool == true, "\(wrapUp)")
        #expect(wrapUp["call_types"] as? [String] == ["perfect", "imperfect", "improper"], "\(wrapUp)")
        #expect(wrapUp["motives"] as? [String] == ["invoice", "payment"], "\(wrapUp)")
        #expect(wrapUp["sub_motives"] as? [String] == ["invoice/copy", "invoice/error"], "\(wrapUp)")

        // The classification billing requires, checked against its catalogue.
        let refusals = [
            (#"{"type":"agent.wrapup_done","id":10}"#, "classification_required"),
            (#"{"type":"agent.ready","id":11}"#, "classification_required"),
            (#"{"type":"agent.wrapup_done","id":12,"call_type":"great","motive":"payment"}"#, "unknown_call_type"),
            (#"{"type":"agent.wrapup_done","id":13,"call_type":"perfect","motive":"refund"}"#, "unknown_motive"),
            (#"{"type":"agent.wrapup_done","id":14,"call_type":"perfect","motive":"invoice","sub_motive":"late"}"#, "unknown_sub_motive"),
            (#"{"type":"agent.wrapup_done","id":15,"call_type":"perfect","motive":"invoice"}"#, "classification_incomplete"),
            (#"{"type":"agent.wrapup_done","id":16,"motive":"payment"}"#, "classification_incomplete"),
            (#"{"type":"agent.wrapup_done","id":17,"call_type":"perfect","motive":"payment","notes":"far more than twenty characters"}"#,
             "notes_too_long"),
        ]
        for (line, code) in refusals {
            agent.send(line)
            let id = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["id"] as! Int
            #expect(errorCode(try agent.reply(id)) == code, "\(line)")
        }
        agent.send(#"{"type":"agent.wrapup_done","id":20,"call_type":"perfect","motive":"invoice","sub_motive":"copy","notes":"sent a copy"}"#)
        #expect(try agent.reply(20)["ok"] as? Bool == true)
        _ = try agent.read { ($0["event"] as? String) == "state.changed" && ($0["state"] as? String) == "ready" }

        // The survey's score: an integer 1-5, once, for an ended call.
        let scores = [
            (#"{"type":"call.survey","id":4,"call":"c1","score":6}"#, "invalid_score"),
            (#"{"type":"call.survey","id":5,"call":"c1","score":0}"#, "invalid_score"),
            (#"{"type":"call.survey","id":6,"call":"c1","score":3.5}"#, "invalid_field"),
            (#"{"type":"call.survey","id":7,"call":"c1","score":"4"}"#, "invalid_field"),
            (#"{"type":"call.survey","id":8,"call":"c9","score":4}"#, "unknown_call"),
        ]
        for (line, code) in scores {
            adapter.send(line)
            let id = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["id"] as! Int
            #expect(errorCode(try adapter.reply(id)) == code, "\(line)")
        }
        adapter.send(#"{"type":"call.survey","id":9,"call":"c1","score":5}"#)
        let scored = try adapter.reply(9)
        #expect(scored["ok"] as? Bool == true, "\(scored)")
        adapter.send(#"{"type":"call.survey","id":10,"call":"c1","score":5}"#)
        #expect(errorCode(try adapter.reply(10)) == "already_scored")

        let classification = try report(daemon, "classification")
        #expect(classification.count == 1, "\(classification)")
        #expect(classification.first?["queue"] as? String == "billing")
        #expect(classification.first?["call_type"] as? String == "perfect")
        #expect(classification.first?["motive"] as? String == "invoice")
        #expect(classification.first?["sub_motive"] as? String == "copy")
        #expect(classification.first?["conversations"] as? Int == 1)
        #expect(classification.first?["share"] as? Double == 1)

        let surveys = try report(daemon, "survey")
        #expect(surveys.map { "\($0["scope"] as? String ?? "?")/\($0["id"] as? String ?? "-")" } == ["center/-", "queue/billing", "agent/ana"], "\(surveys)")
        #expect(surveys.allSatisfy { $0["scores"] as? Int == 1 && $0["average"] as? Double == 5 && $0["satisfied"] as? Double == 1 })
    }
}
