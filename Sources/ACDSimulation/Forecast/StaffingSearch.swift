/// The search for the smallest number of agents that meets a target, for a test that holds for
/// every number from some point on (more agents never hurt). A state machine: it names the number
/// to test, the caller tests it (by formula or by simulation) and records the answer, until it
/// has the result.
///
/// From a guess it walks away by doubling steps until the answer changes, then halves the gap:
/// a few tests even when the guess is far off.
struct StaffingSearch {
    let lowest: Int
    let highest: Int
    /// The number to test next; nil once the search is over.
    private(set) var candidate: Int?
    /// The smallest number known to meet the target, and the largest known not to (or
    /// `lowest - 1`).
    private var passing: Int?
    private var failing: Int
    private var sawFailure = false
    private var step = 1

    init(lowest: Int, guess: Int, highest: Int) {
        self.lowest = lowest
        self.highest = highest
        failing = lowest - 1
        candidate = min(max(guess, lowest), highest)
    }

    /// The smallest number that meets the target, once the search is over; nil before, or when
    /// none up to `highest` does.
    var result: Int? {
        candidate == nil ? passing : nil
    }

    /// Records whether the candidate met the target.
    mutating func record(meets: Bool) {
        guard let tested = candidate else { return }
        if meets {
            passing = tested
        } else {
            failing = tested
            sawFailure = true
        }
        if let passing {
            guard passing - failing > 1 else {
                candidate = nil
                return
            }
            if sawFailure {
                candidate = failing + (passing - failing) / 2
            } else {
                candidate = max(failing + 1, passing - step)
                step *= 2
            }
        } else {
            guard failing < highest else {
                candidate = nil
                return
            }
            candidate = min(failing + step, highest)
            step *= 2
        }
    }
}
