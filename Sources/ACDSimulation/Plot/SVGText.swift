/// Text for SVG documents: numbers with a fixed number of decimals (no locale, no Foundation) and
/// escaped character data.
enum SVGText {
    /// `value` rounded to `decimals` places, without trailing zeros: 12.5, 3, -0.25.
    static func number(_ value: Double, decimals: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        guard decimals > 0, fraction != "0" else { return sign + String(whole) }
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + "." + fraction
    }

    /// `text` with the five XML special characters escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A time of day, `HH:MM`, for `milliseconds` after midnight; past the first day, prefixed by
    /// the day (`d2 08:00`).
    static func clock(milliseconds: Int64) -> String {
        let minutes = milliseconds / 60_000
        let day = minutes / (24 * 60)
        let hour = minutes / 60 % 24
        let minute = minutes % 60
        let time = (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
        return day > 0 ? "d\(day + 1) \(time)" : time
    }
}
