import Foundation

/// How times and durations read in tables and event lines.
enum Display {
    /// Milliseconds since the Unix epoch, now.
    static func nowMs() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    /// A duration in milliseconds as `850ms`, `12s`, `3m05s` or `1h02m`.
    static func duration(ms: Int64) -> String {
        if ms < 0 { return "-" + duration(ms: -ms) }
        if ms < 1000 { return "\(ms)ms" }
        let seconds = ms / 1000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" + twoDigits(seconds % 60) + "s" }
        return "\(seconds / 3600)h" + twoDigits(seconds / 60 % 60) + "m"
    }

    /// An optional duration; `-` when absent.
    static func duration(ms: Int64?) -> String {
        ms.map { duration(ms: $0) } ?? "-"
    }

    /// The local clock time of an instant in milliseconds since the epoch, `HH:mm:ss`.
    static func clock(ms: Int64) -> String {
        let parts = localTime(ms)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// The local clock time now, with milliseconds, for event lines.
    static func clockNow() -> String {
        let now = nowMs()
        let parts = localTime(now)
        return String(format: "%02d:%02d:%02d.%03d", parts.tm_hour, parts.tm_min, parts.tm_sec, Int32(now % 1000))
    }

    private static func localTime(_ ms: Int64) -> tm {
        var seconds = time_t(ms / 1000)
        var parts = tm()
        tzset()
        localtime_r(&seconds, &parts)
        return parts
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
