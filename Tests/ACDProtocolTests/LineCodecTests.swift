import ACDProtocol
import Testing

@Suite struct LineCodecTests {
    let codec = LineCodec()

    func decode(_ line: String) -> (id: RequestID?, request: Result<Request, ProtocolError>) {
        codec.decodeRequest(Array(line.utf8))
    }

    func error(_ line: String) -> ProtocolError? {
        if case .failure(let error) = decode(line).request { return error }
        return nil
    }

    @Test func decodesEveryRequestType() throws {
        let cases: [(String, Request)] = [
            (#"{"type":"hello","id":1,"protocol":1,"role":"agent","agent":"ana","client":"softphone/2"}"#,
             .hello(protocolVersion: 1, role: .agent, agent: "ana", client: "softphone/2")),
            (#"{"type":"call.enqueue","id":"a","call":"c1","queue":"tax","priority":3,"segment":"vip","attributes":{"dnis":"5551000"},"entered_ms":1700000000000}"#,
             .callEnqueue(CallEnqueue(call: "c1", queue: "tax", priority: 3, segment: "vip", attributes: ["dnis": "5551000"], enteredMs: 1_700_000_000_000))),
            (#"{"type":"call.enqueue","id":2,"call":"c2","attributes":{"ivr":"2"}}"#,
             .callEnqueue(CallEnqueue(call: "c2", attributes: ["ivr": "2"]))),
            (#"{"type":"call.answered","id":3,"call":"c1","agent":"ana"}"#, .callAnswered(call: "c1", agent: "ana")),
            (#"{"type":"call.no_answer","id":4,"call":"c1","agent":"ana"}"#, .callNoAnswer(call: "c1", agent: "ana")),
            (#"{"type":"call.hangup","id":5,"call":"c1","by":"caller"}"#, .callHangup(call: "c1", by: .caller)),
            (#"{"type":"call.abandon","id":6,"call":"c1"}"#, .callAbandon(call: "c1")),
            (#"{"type":"call.transfer","id":7,"call":"c1","queue":"legal"}"#, .callTransfer(call: "c1", queue: "legal")),
            (#"{"type":"calls","id":8}"#, .calls),
            (#"{"type":"agent.login","id":9}"#, .agentLogin(agent: nil, reason: nil)),
            (#"{"type":"agent.login","id":9,"reason":"training"}"#, .agentLogin(agent: nil, reason: "training")),
            (#"{"type":"agent.ready","id":10,"agent":"bo"}"#, .agentReady(agent: "bo")),
            (#"{"type":"agent.not_ready","id":11,"reason":"lunch"}"#, .agentNotReady(agent: nil, reason: "lunch")),
            (#"{"type":"agent.accept","id":12,"call":"c1"}"#, .agentAccept(agent: nil, call: "c1")),
            (#"{"type":"agent.reject","id":13,"call":"c1"}"#, .agentReject(agent: nil, call: "c1")),
            (#"{"type":"agent.wrapup_done","id":14}"#, .agentWrapUpDone(agent: nil)),
            (#"{"type":"agent.logout","id":15}"#, .agentLogout(agent: nil)),
            (#"{"type":"agent.status","id":16}"#, .agentStatus(agent: nil)),
            (#"{"type":"status","id":17}"#, .status),
            (#"{"type":"subscribe","id":18,"topics":["calls","agents"]}"#, .subscribe(topics: [.calls, .agents])),
            (#"{"type":"explain","id":19,"call":"c1"}"#, .explain(call: "c1")),
            (#"{"type":"agent.force_state","id":20,"agent":"ana","state":"not_ready","reason":"meeting"}"#,
             .agentForceState(agent: "ana", state: .notReady, reason: "meeting")),
            (#"{"type":"call.reprioritize","id":21,"call":"c1","priority":9}"#, .callReprioritize(call: "c1", priority: 9)),
            (#"{"type":"call.move","id":22,"call":"c1","queue":"legal"}"#, .callMove(call: "c1", queue: "legal")),
            (#"{"type":"agent.message","id":24,"agent":"ana","message":"Team meeting at 3"}"#,
             .agentMessage(agent: "ana", message: "Team meeting at 3")),
            (#"{"type":"stats","id":23}"#, .stats),
            (#"{"type":"agent.wrapup_done","id":25,"call_type":"perfect","motive":"invoice","sub_motive":"copy","notes":"sent"}"#,
             .agentWrapUpDone(agent: nil, classification: WrapUpClassification(callType: "perfect", motive: "invoice", subMotive: "copy", notes: "sent"))),
            (#"{"type":"call.survey","id":26,"call":"c1","score":5}"#, .callSurvey(call: "c1", score: 5)),
            (#"{"type":"agent.transfer","id":27,"call":"c1","to_agent":"bo"}"#, .agentTransfer(agent: nil, call: "c1", toAgent: "bo")),
            (#"{"type":"agent.consult_accept","id":28,"call":"c1","agent":"bo"}"#, .agentConsultAccept(agent: "bo", call: "c1")),
            (#"{"type":"agent.consult_decline","id":29,"call":"c1"}"#, .agentConsultDecline(agent: nil, call: "c1")),
            (#"{"type":"call.escalate","id":30,"call":"c1"}"#, .callEscalate(call: "c1", agent: nil)),
            (#"{"type":"call.callback","id":31,"call":"c1","number":"+34600111222","not_before_ms":1700000900000}"#,
             .callCallback(call: "c1", number: "+34600111222", notBeforeMs: 1_700_000_900_000)),
            (#"{"type":"call.outbound","id":32,"call":"o1","queue":"renewals","number":"+34900","priority":2,"attributes":{"list":"may"}}"#,
             .callOutbound(OutboundRequest(call: "o1", queue: "renewals", number: "+34900", priority: 2, attributes: ["list": "may"]))),
            (#"{"type":"call.dial_result","id":33,"call":"o1","result":"retry","retry_at_ms":1700003600000}"#,
             .callDialResult(call: "o1", result: .retry(atMs: 1_700_003_600_000))),
            (#"{"type":"call.dial_result","id":34,"call":"o1","result":"no_answer"}"#, .callDialResult(call: "o1", result: .noAnswer)),
            (#"{"type":"call.enqueue","id":35,"call":"c3","queue":"tax","callback_number":"+34600"}"#,
             .callEnqueue(CallEnqueue(call: "c3", queue: "tax", callbackNumber: "+34600"))),
        ]
        for (line, expected) in cases {
            let (_, result) = decode(line)
            #expect(try result.get() == expected, "\(line)")
        }
        #expect(Set(cases.map { $0.1.type }) == Set(RequestType.allCases))
    }

    @Test func echoesTheIDOfEvenAFailedRequest() {
        #expect(decode(#"{"type":"call.enqueue","id":"x-1"}"#).id == .string("x-1"))
        #expect(decode(#"{"type":"nope","id":42}"#).id == .number(42))
        #expect(decode(#"{"id":7,"call":5,"type":"call.abandon"}"#).id == .number(7))
    }

    @Test(arguments: [
        (#"not json"#, ErrorCode.badJSON, "the line is not a JSON object"),
        (#"[1,2]"#, .badJSON, "the line is not a JSON object"),
        (#""hello""#, .badJSON, "the line is not a JSON object"),
        (#"{"id":1}"#, .invalidField, "missing field 'type'"),
        (#"{"type":"dance","id":1}"#, .unknownType, "no request type 'dance'"),
        (#"{"type":"call.abandon","id":1,"cal":"c1"}"#, .invalidField, "unknown field 'cal'"),
        (#"{"type":"call.abandon","id":1}"#, .invalidField, "'call.abandon' needs field 'call'"),
        (#"{"type":"call.abandon","id":1,"call":""}"#, .invalidField, "field 'call' is empty"),
        (#"{"type":"call.abandon","id":1,"call":5}"#, .invalidField, "field 'call' has the wrong type"),
        (#"{"type":"call.enqueue","id":1,"call":"c","attributes":{"a":1}}"#, .invalidField, "field 'attributes.a' has the wrong type"),
        (#"{"type":"call.enqueue","id":1,"call":"c","entered_ms":"soon"}"#, .invalidField, "field 'entered_ms' has the wrong type"),
        (#"{"type":"call.enqueue","id":1,"call":"c","priority":12}"#, .invalidPriority, "priority 12 is outside 0-9"),
        (#"{"type":"call.hangup","id":1,"call":"c","by":"nobody"}"#, .invalidField, "field 'by' must be 'caller' or 'agent', not 'nobody'"),
        (#"{"type":"hello","id":1,"protocol":1,"role":"agent"}"#, .invalidField, "an agent's hello needs field 'agent' (its agent id)"),
        (#"{"type":"hello","id":1,"protocol":1,"role":"janitor"}"#, .invalidField, "field 'role' has an unknown value"),
        (#"{"type":"subscribe","id":1,"topics":["weather"]}"#, .invalidField, "no topic 'weather' (queues, agents, calls, all)"),
        (#"{"type":"agent.force_state","id":1,"agent":"a","state":"not_ready"}"#, .invalidField, "'agent.force_state' to not_ready needs field 'reason'"),
        (#"{"type":"agent.wrapup_done","id":1,"motive":"invoice"}"#, .classificationIncomplete, "a classification needs field 'call_type'"),
        (#"{"type":"agent.wrapup_done","id":1,"call_type":""}"#, .invalidField, "field 'call_type' is empty"),
        (#"{"type":"call.survey","id":1,"call":"c1","score":0}"#, .invalidScore, "score 0 is outside 1-5"),
        (#"{"type":"call.survey","id":1,"call":"c1","score":6}"#, .invalidScore, "score 6 is outside 1-5"),
        (#"{"type":"call.survey","id":1,"call":"c1","score":3.5}"#, .invalidField, "field 'score' is not an integer"),
        (#"{"type":"call.survey","id":1,"call":"c1","score":"4"}"#, .invalidField, "field 'score' has the wrong type"),
        (#"{"type":"call.survey","id":1,"call":"c1"}"#, .invalidField, "'call.survey' needs field 'score'"),
        (#"{"type":"agent.transfer","id":1,"call":"c1"}"#, .invalidField, "'agent.transfer' needs field 'to_agent'"),
        (#"{"type":"agent.transfer","id":1,"call":"c1","to_agent":""}"#, .invalidField, "field 'to_agent' is empty"),
    ])
    func refusesBadLinesWithASpecificError(line: String, code: ErrorCode, message: String) {
        #expect(error(line) == ProtocolError(code, message))
    }

    @Test func encodesRepliesAndEventsAsOneSortedLine() throws {
        var reply = WireReply(id: .number(3), type: "call.enqueue")
        reply.call = "c1"
        reply.position = 2
        reply.ewtMs = 45_000
        let line = String(decoding: codec.encode(reply), as: UTF8.self)
        #expect(line == #"{"call":"c1","ewt_ms":45000,"id":3,"ok":true,"position":2,"type":"call.enqueue"}"# + "\n")
        #expect(try codec.decodeServerLine(Array(line.utf8.dropLast())) == .reply(reply))

        var event = WireEvent(.offer, seq: 9)
        event.call = "c1"
        event.expiresMs = 1_700_000_020_000
        let eventLine = codec.encode(event)
        #expect(String(decoding: eventLine, as: UTF8.self) == #"{"call":"c1","event":"offer","expires_ms":1700000020000,"seq":9}"# + "\n")
        #expect(try codec.decodeServerLine(eventLine.dropLast()) == .event(event))

        let failure = WireReply(id: .string("q"), error: ProtocolError(.unknownCall, "no live call 'c9'"))
        #expect(String(decoding: codec.encode(failure), as: UTF8.self)
            == #"{"error":{"code":"unknown_call","message":"no live call 'c9'"},"id":"q","ok":false}"# + "\n")
    }

    @Test func readsLinesFromCollectionsThatAreNotContiguous() throws {
        let request = #"{"type":"call.abandon","id":6,"call":"c1"}"#
        #expect(try codec.decodeRequest(request.utf8.lazy.map { $0 }).request.get() == .callAbandon(call: "c1"))
        let event = #"{"call":"c1","event":"call.ended","outcome":"ended","seq":4}"#
        var expected = WireEvent(.callEnded, seq: 4)
        expected.call = "c1"
        expected.outcome = "ended"
        #expect(try codec.decodeServerLine(event.utf8.lazy.map { $0 }) == .event(expected))
    }
}
