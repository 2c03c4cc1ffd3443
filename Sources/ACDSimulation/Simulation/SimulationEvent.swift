/// Something the simulated world does at an instant: what the engine's deadlines do not cover.
enum SimulationEvent {
    /// The next call of a traffic stream arrives.
    case arrival(stream: Int)
    /// The talk of a connected call ends; the caller hangs up.
    case hangup(call: Int)
    /// The caller's patience runs out; it hangs up unless it has been answered.
    case patienceEnds(call: Int)
    /// The agent picks up the call ringing for it, after the accept delay.
    case answer(call: Int, agent: Int)
    /// An interval of the staffing begins.
    case shiftChange(interval: Int)
}
