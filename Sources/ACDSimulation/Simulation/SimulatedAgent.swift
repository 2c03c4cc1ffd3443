import ACDCore

/// A simulated agent client: what it is doing, for the occupancy and handle-time figures, and the
/// offer it is about to pick up.
struct SimulatedAgent {
    /// How the agent's time counts.
    enum Activity {
        case away
        case idle
        /// Ringing, talking or in wrap-up for a call of this queue (an index in the center's
        /// queues).
        case working(queue: Int)
    }

    let id: AgentID
    /// The queues it serves (indexes in the center's queues): its idle time is shared among them.
    let queues: [Int]
    var activity = Activity.away
    /// Since when the activity holds, in milliseconds.
    var since: Int64 = 0
    /// The call ringing for it that it will pick up.
    var ringing: Int?
    /// The queue of the call it was last offered: its ringing, talk and wrap-up count there.
    var workQueue = 0
    /// The call it talks on or wraps up, and when the talk began.
    var handling: (call: Int, start: Int64)?
    var isWrappingUp = false
}
