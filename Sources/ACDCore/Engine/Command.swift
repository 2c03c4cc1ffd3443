/// Everything that can happen to the center, as the engine sees it. Time passing is not a command:
/// it is `RoutingEngine.advance(to:)`.
public enum Command: Equatable, Sendable, Codable {
    /// A call arrives in a queue.
    case enqueue(NewCall)
    /// The agent takes the call it is offered (from its client, or the telephony saw it answer).
    case accept(call: CallID, agent: AgentID)
    /// The agent declines the call it is offered.
    case reject(call: CallID, agent: AgentID)
    /// The telephony reports that the agent did not answer the offer.
    case noAnswer(call: CallID, agent: AgentID)
    /// A connected call ended.
    case hangup(call: CallID, by: Party)
    /// The caller hung up before being connected.
    case abandon(call: CallID)
    /// The agent on a connected call sends it to another queue (blind transfer); the call keeps its
    /// age and priority, the agent goes to wrap-up.
    case transfer(call: CallID, to: QueueID)
    /// The agent on a connected call asks another agent, who must be ready, to take it over
    /// (consult transfer); the target is asked until the consult timeout.
    case consultTransfer(call: CallID, from: AgentID, to: AgentID)
    /// The target of a consult consents: the call is connected to it, the asking agent goes to
    /// wrap-up.
    case acceptConsult(call: CallID, agent: AgentID)
    /// The target of a consult refuses: the call stays with the asking agent.
    case declineConsult(call: CallID, agent: AgentID)
    /// The agent on a connected call (or a supervisor, `by` nil) escalates it: to its queue's
    /// escalation queue, else to the queue's next tier; it waits again, keeping its age and
    /// priority, and the agent goes to wrap-up.
    case escalate(call: CallID, by: AgentID?)
    /// The caller leaves the line to be called back at `number` and keeps their place: the call
    /// becomes a callback, dialed by an agent when it reaches the head of the line (not before
    /// `notBefore`, and only while its queue is open). A ringing offer is withdrawn.
    case requestCallback(call: CallID, number: String, notBefore: Instant?)
    /// An adapter gives the queue an outbound call for its agents to dial, after every inbound
    /// call and within the queue's outbound reserve.
    case pushOutbound(OutboundCall)
    /// The telephony reports how the agent's dial attempt of a callback or outbound call went.
    case dialResult(call: CallID, result: DialResult)
    /// A supervisor changes a waiting or ringing call's priority (0-9); it takes its new place.
    case reprioritize(call: CallID, priority: Int)
    /// A supervisor moves a waiting or ringing call to another queue; it keeps its age and
    /// priority, and a ringing offer is withdrawn.
    case move(call: CallID, to: QueueID)
    /// The agent logs in, ready, or not ready with a reason.
    case login(agent: AgentID, notReady: NotReadyReason? = nil)
    case logout(agent: AgentID)
    /// A supervisor logs the agent out past the last-agent rule (not off a call).
    case forceLogout(agent: AgentID)
    /// The agent is ready: from not ready, or ending wrap-up early. It cancels a pending break.
    case ready(agent: AgentID)
    /// The agent asks to be not ready for a reason, under the center's break policy: an unknown
    /// reason, a used-up quota or a full team (when the policy refuses) is an error; otherwise
    /// the break starts now or is pending until the call and wrap-up end, no call waits for the
    /// agent (when breaks wait for calls) or the team has a slot (when the policy queues). A
    /// ringing offer is withdrawn without counting as missed, unless the break waits for calls.
    case notReady(agent: AgentID, reason: NotReadyReason)
    /// A supervisor makes the agent not ready, whatever the break policy says; on a call it
    /// starts after the call and wrap-up. A logged-out agent is logged in not ready.
    case forceNotReady(agent: AgentID, reason: NotReadyReason)
    /// The agent finished its after-call work: it becomes ready, or not ready with the reason it
    /// asked for during the call. The classification is checked against the catalogue of the queue
    /// the agent took the call for; a queue that requires one refuses to end wrap-up without it.
    case wrapUpDone(agent: AgentID, classification: CallClassification? = nil)
    /// The satisfaction survey scored an answered call (1 worst to 5 best) that ended within the
    /// survey window; once per call.
    case survey(call: CallID, score: Int)
    /// A new day: agents' daily counters and queues' figures start from zero.
    case beginDay
    /// The queue opens or closes (business hours, computed by the shell from its calendar): a
    /// closed queue gives arriving calls its closed treatment; on closing, its waiting calls get
    /// the closing treatment.
    case setOpen(queue: QueueID, state: OpeningState)
    /// The center takes a new configuration with everything live carried over (see
    /// `RoutingEngine.reconfigured(to:removedQueueCalls:)`); calls of removed queues are treated
    /// as `removedQueueCalls` says.
    case reconfigure(CenterConfiguration, removedQueueCalls: RemovedQueueTreatment)
}
