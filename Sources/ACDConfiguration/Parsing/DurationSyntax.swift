/// The duration syntax of the configuration file: `30s`, `3m`, `1h`, `1h30m`, `250ms`, or a bare
/// whole number of seconds. Units go from hours down to milliseconds, each at most once.
enum DurationSyntax {
    /// The longest duration accepted: a year, far beyond any contact-center timer and far from
    /// overflowing the engine's millisecond clock.
    static let maximumMilliseconds: Int64 = 365 * 24 * 3600 * 1000

    enum Problem: Error, Equatable {
        case negative
        case malformed
        case tooLong

        func message(for text: String) -> String {
            let text = YAMLReader.quoted(text)
            return switch self {
            case .negative: "must not be negative, found \(text)"
            case .malformed:
                "must be a duration such as 30s, 3m, 1h30m or 250ms (a bare number means seconds), not \(text)"
            case .tooLong: "\(text) is longer than the maximum of 365 days"
            }
        }
    }

    private enum Unit: Int, Comparable {
        case hours, minutes, seconds, milliseconds

        var milliseconds: Int64 {
            switch self {
            case .hours: 3_600_000
            case .minutes: 60_000
            case .seconds: 1000
            case .milliseconds: 1
            }
        }

        static func < (lhs: Unit, rhs: Unit) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    static func parse(_ text: String) -> Result<Duration, Problem> {
        let scalars = Array(text.unicodeScalars)
        if scalars.first == "-" {
            return parse(String(String.UnicodeScalarView(scalars.dropFirst()))).flatMap { _ in .failure(.negative) }
        }
        guard !scalars.isEmpty else { return .failure(.malformed) }
        var index = 0
        var total: Int64 = 0
        var lastUnit: Unit?
        while index < scalars.count {
            var number: Int64 = 0
            let digitsStart = index
            while index < scalars.count, let digit = digitValue(scalars[index]) {
                // More than a year in any unit is too long; stop before the number can overflow.
                guard number <= maximumMilliseconds else { return .failure(.tooLong) }
                number = number * 10 + digit
                index += 1
            }
            guard index > digitsStart else { return .failure(.malformed) }
            let unit: Unit
            if index == scalars.count {
                // A bare number means seconds, and only on its own.
                guard lastUnit == nil else { return .failure(.malformed) }
                unit = .seconds
            } else {
                switch scalars[index] {
                case "h": unit = .hours; index += 1
                case "s": unit = .seconds; index += 1
                case "m":
                    if index + 1 < scalars.count, scalars[index + 1] == "s" {
                        unit = .milliseconds; index += 2
                    } else {
                        unit = .minutes; index += 1
                    }
                default: return .failure(.malformed)
                }
            }
            if let lastUnit, unit <= lastUnit { return .failure(.malformed) }
            lastUnit = unit
            guard number <= maximumMilliseconds else { return .failure(.tooLong) }
            total += number * unit.milliseconds
            guard total <= maximumMilliseconds else { return .failure(.tooLong) }
        }
        return .success(.milliseconds(total))
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int64? {
        scalar.value >= 48 && scalar.value <= 57 ? Int64(scalar.value - 48) : nil
    }
}
