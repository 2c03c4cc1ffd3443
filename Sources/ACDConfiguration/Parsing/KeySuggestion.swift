/// Finds the known key a mistyped one was probably meant to be.
enum KeySuggestion {
    /// The known key closest to `key` when the match is obvious: the same key in another case or
    /// separator style (`tierWait`, `tier-wait`), or at most two edits away (a swap of neighbouring
    /// letters counts as one), changing less than half of it, and no other key as close. Nil
    /// otherwise.
    static func closest(to key: String, among known: [String]) -> String? {
        let normalizedKey = normalized(key)
        if let same = known.first(where: { normalized($0) == normalizedKey }) { return same }
        let typed = Array(key.lowercased().unicodeScalars)
        guard typed.count <= 64 else { return nil }
        var best: (key: String, distance: Int)?
        var tie = false
        for candidate in known {
            let target = Array(candidate.unicodeScalars)
            guard abs(target.count - typed.count) <= 2 else { continue }
            let distance = editDistance(typed, target)
            guard distance <= 2, distance * 2 < max(target.count, typed.count) else { continue }
            if let current = best, distance >= current.distance {
                if distance == current.distance { tie = true }
                continue
            }
            best = (candidate, distance)
            tie = false
        }
        return tie ? nil : best?.key
    }

    private static func normalized(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
    }

    /// Levenshtein distance where a swap of two neighbouring scalars costs one (optimal string
    /// alignment).
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
