// libFuzzer target for `LineCodec.decodeRequest`: one protocol line in, a request or an error out.
//
// Besides "never crashes", every input is checked for:
// - determinism: a second decode, by another codec, gives the same id and the same result;
// - every error carries a message;
// - the type round-trips: a decoded request's `type` is the `type` string the line was sent with,
//   and the request written back as a line (`WireRequest`, `LineCodec.encode`) decodes to the same
//   request and id.
// A violated property aborts with a message, so libFuzzer saves the input as a crash.

import ACDProtocol
import Foundation

private let codec = LineCodec()
private let secondCodec = LineCodec()
/// Reads the raw `type` field, with no key conversion.
private let plainDecoder = JSONDecoder()

private struct TypeOnly: Decodable {
    var type: String
}

private func violated(_ property: String, _ line: [UInt8], _ details: String) -> Never {
    let text = String(decoding: line, as: UTF8.self)
    FileHandle.standardError.write(Data("FUZZ PROPERTY VIOLATED: \(property)\n  line: \(text.debugDescription)\n  \(details)\n".utf8))
    abort()
}

/// The line that, sent as a request, should decode to `request` with `id`; nil for a request type
/// added to ACDProtocol after this target (the build warns "switch must be exhaustive": add it here).
private func wire(for request: Request, id: RequestID?) -> WireRequest? {
    var wire = WireRequest(type: request.type.rawValue, id: id)
    switch request {
    case .hello(let protocolVersion, let role, let agent, let client):
        wire.protocol = protocolVersion
        wire.role = role
        wire.agent = agent
        wire.client = client
    case .callEnqueue(let enqueue):
        wire.call = enqueue.call
        wire.queue = enqueue.queue
        wire.priority = enqueue.priority
        wire.segment = enqueue.segment
        wire.attributes = enqueue.attributes
        wire.enteredMs = enqueue.enteredMs
        wire.callbackNumber = enqueue.callbackNumber
    case .callAnswered(let call, let agent), .callNoAnswer(let call, let agent):
        wire.call = call
        wire.agent = agent
    case .callHangup(let call, let by):
        wire.call = call
        wire.by = by.rawValue
    case .callAbandon(let call), .explain(let call):
        wire.call = call
    case .callTransfer(let call, let queue):
        wire.call = call
        wire.queue = queue
    case .calls, .status, .stats:
        break
    case .agentLogin(let agent, let reason):
        wire.agent = agent
        wire.reason = reason
    case .agentReady(let agent), .agentLogout(let agent), .agentStatus(let agent):
        wire.agent = agent
    case .agentWrapUpDone(let agent, let classification):
        wire.agent = agent
        wire.callType = classification?.callType
        wire.motive = classification?.motive
        wire.subMotive = classification?.subMotive
        wire.notes = classification?.notes
    case .callSurvey(let call, let score):
        wire.call = call
        wire.score = score
    case .agentNotReady(let agent, let reason):
        wire.agent = agent
        wire.reason = reason
    case .agentAccept(let agent, let call), .agentReject(let agent, let call):
        wire.agent = agent
        wire.call = call
    case .subscribe(let topics):
        wire.topics = topics.map(\.rawValue).sorted()
    case .agentForceState(let agent, let state, let reason):
        wire.agent = agent
        wire.state = state.rawValue
        wire.reason = reason
    case .callReprioritize(let call, let priority):
        wire.call = call
        wire.priority = priority
    case .callMove(let call, let queue):
        wire.call = call
        wire.queue = queue
    case .agentTransfer(let agent, let call, let toAgent):
        wire.agent = agent
        wire.call = call
        wire.toAgent = toAgent
    case .agentConsultAccept(let agent, let call), .agentConsultDecline(let agent, let call), .callEscalate(let call, let agent):
        wire.agent = agent
        wire.call = call
    case .agentMessage(let agent, let message):
        wire.agent = agent
        wire.message = message
    case .callCallback(let call, let number, let notBeforeMs):
        wire.call = call
        wire.number = number
        wire.notBeforeMs = notBeforeMs
    case .callOutbound(let outbound):
        wire.call = outbound.call
        wire.queue = outbound.queue
        wire.number = outbound.number
        wire.priority = outbound.priority
        wire.attributes = outbound.attributes
        wire.notBeforeMs = outbound.notBeforeMs
    case .callDialResult(let call, let result):
        wire.call = call
        wire.result = result.name
        wire.retryAtMs = result.retryAtMs
    @unknown default:
        return nil
    }
    return wire
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let line: [UInt8] = if let data, size > 0 { Array(UnsafeBufferPointer(start: data, count: size)) } else { [] }

    let first = codec.decodeRequest(line)
    let second = secondCodec.decodeRequest(line[...])
    guard first.id == second.id, first.request == second.request else {
        violated("decoding is deterministic", line, "first: \(first)\n  second: \(second)")
    }

    switch first.request {
    case .failure(let error):
        if error.message.isEmpty {
            violated("an error has a message", line, "\(error)")
        }
    case .success(let request):
        guard let sent = try? plainDecoder.decode(TypeOnly.self, from: Data(line)).type else {
            violated("a decoded request was sent with a string 'type'", line, "decoded: \(request)")
        }
        if sent != request.type.rawValue {
            violated("a decoded request has the type it was sent as", line, "sent '\(sent)', decoded \(request.type.rawValue): \(request)")
        }
        guard let wire = wire(for: request, id: first.id) else { break }
        let encoded = codec.encode(wire)
        let again = codec.decodeRequest(encoded.dropLast())
        guard again.id == first.id, case .success(let decodedAgain) = again.request, decodedAgain == request,
              decodedAgain.type == request.type else {
            violated("a decoded request round-trips through its line", line,
                     "decoded: \(request)\n  re-encoded: \(String(decoding: encoded, as: UTF8.self).debugDescription)\n  decoded again: \(again)")
        }
    }
    return 0
}
