extension OrderedIndex where Element == WaitingCallKey {
    /// The earliest system entry among the calls, whatever their priority (the head of the line is
    /// the highest-priority call, not always the oldest): the first call of each priority band,
    /// found by rank, so at most ten lookups.
    var earliestEntry: Int64? {
        var earliest: Int64?
        var offset = 0
        while let first = element(atOffset: offset) {
            earliest = min(earliest ?? first.enteredSystem, first.enteredSystem)
            guard first.priority > 0 else { break }
            offset = rank(of: WaitingCallKey(priority: first.priority - 1, enteredSystem: .min, sequence: 0, call: -1))
        }
        return earliest
    }
}
