import ACDSimulation
import ArgumentParser

/// The syntax of the simulator's command-line values: durations as in the configuration file,
/// rates, distributions, percentages, times of day and `STREAM=VALUE` pairs.
enum SimulationSyntax {
    /// `30s`, `3m`, `1h30m`, `250ms`, or a bare number of seconds (decimals allowed: `2.5`).
    static func duration(_ text: String, option: String) throws(ValidationError) -> Duration {
        let invalid = ValidationError("\(option): '\(text)' is not a duration (e.g. 30s, 3m, 1h30m, 250ms, or seconds)")
        if let seconds = Double(text) {
            guard seconds.isFinite, seconds >= 0, seconds <= 365 * 24 * 3600 else { throw invalid }
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        var total: Int64 = 0
        var rest = Substring(text)
        var previous = Int.max
        guard !rest.isEmpty else { throw invalid }
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.count <= 12, let number = Int64(digits) else { throw invalid }
            rest = rest.dropFirst(digits.count)
            let units: [(String, Int64)] = [("ms", 1), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
            guard let index = units.firstIndex(where: { rest.hasPrefix($0.0) }) else { throw invalid }
            // Units from hours down to milliseconds, each once: h (1), m (2), s (3), ms (4).
            let rank = [4, 1, 2, 3][index]
            guard rank > (previous == .max ? 0 : previous) else { throw invalid }
            previous = rank
            total += number * units[index].1
            rest = rest.dropFirst(units[index].0.count)
        }
        guard total <= 365 * 24 * 3_600_000 else { throw invalid }
        return .milliseconds(total)
    }

    /// Calls per hour, one per interval: `120` or `60,90,120`.
    static func rates(_ text: String, option: String) throws(ValidationError) -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var rates: [Double] = []
        for part in parts {
            guard let rate = Double(part.filter { $0 != " " }), rate.isFinite, rate >= 0 else {
                throw ValidationError("\(option): '\(part)' is not a number of calls per hour (e.g. 120 or 60,90,120)")
            }
            rates.append(rate)
        }
        return rates
    }

    /// `exp:3m` (or a bare `3m`), `lognormal:3m:2m` (mean, standard deviation), `fixed:3m`.
    static func distribution(_ text: String, option: String) throws(ValidationError) -> TimeDistribution {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let usage = "\(option): '\(text)' is not a distribution (exp:MEAN, lognormal:MEAN:SD or fixed:VALUE, e.g. exp:3m)"
        switch (parts.first?.lowercased(), parts.count) {
        case ("exp", 2), ("exponential", 2):
            let mean = try duration(parts[1], option: option)
            guard mean > .zero else { throw ValidationError("\(option): an exponential mean must be positive") }
            return .exponential(mean: mean)
        case ("lognormal", 3), ("log-normal", 3):
            let mean = try duration(parts[1], option: option)
            guard mean > .zero else { throw ValidationError("\(option): a log-normal mean must be positive") }
            return .logNormal(mean: mean, standardDeviation: try duration(parts[2], option: option))
        case ("fixed", 2):
            return .fixed(try duration(parts[1], option: option))
        case (_, 1):
            guard let mean = try? duration(parts[0], option: option) else { throw ValidationError(usage) }
            guard mean > .zero else { throw ValidationError("\(option): an exponential mean must be positive") }
            return .exponential(mean: mean)
        case (_, _):
            throw ValidationError(usage)
        }
    }

    /// A percentage, `80` or `80%`, as a fraction (0.8).
    static func percentage(_ text: String, option: String) throws(ValidationError) -> Double {
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(number), value.isFinite, value >= 0, value <= 100 else {
            throw ValidationError("\(option): '\(text)' is not a percentage from 0 to 100 (e.g. 80 or 80%)")
        }
        return value / 100
    }

    /// A time of day, `HH:MM`, as the duration since midnight.
    static func clock(_ text: String, option: String) throws(ValidationError) -> Duration {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes)
        else { throw ValidationError("\(option): '\(text)' is not a time of day (HH:MM, e.g. 08:00)") }
        return .seconds(hours * 3600 + minutes * 60)
    }

    /// `NAME=VALUE` as (NAME, VALUE), or (nil, VALUE) without a name. A value holding `=` is not
    /// split (no value of ours does).
    static func named(_ text: String) -> (name: String?, value: String) {
        guard let equals = text.firstIndex(of: "=") else { return (nil, text) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// A stream's name, `QUEUE` or `QUEUE@PRIORITY`, as the queue and the priority.
    static func stream(_ name: String, option: String) throws(ValidationError) -> (queue: String, priority: Int) {
        guard let at = name.firstIndex(of: "@") else {
            guard !name.isEmpty else { throw ValidationError("\(option): a stream needs a queue name before '='") }
            return (name, 0)
        }
        let queue = String(name[..<at])
        guard !queue.isEmpty, let priority = Int(name[name.index(after: at)...]), (0...9).contains(priority) else {
            throw ValidationError("\(option): '\(name)' is not QUEUE or QUEUE@PRIORITY with a priority 0-9")
        }
        return (queue, priority)
    }
}
