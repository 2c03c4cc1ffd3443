import ACDCore

/// A picture of a simulated day for supervisors, as an SVG document: one panel per call stream,
/// time of day across; the service level of the calls arriving in each bucket as a line against
/// the target, the calls waiting as bars (average) and a step line (peak). Buckets below the target
/// are shaded, so where staffing falls short shows at a glance.
public struct ServiceLevelPlot: Sendable {
    /// What the replications measured, with their time series.
    public var summary: SimulationSummary
    /// The service-level target (0-1), drawn as a dashed line.
    public var target: Double
    /// The time of day the run starts at, for the labels.
    public var clockStart: Duration
    /// The warm-up at the start of the run, shown greyed (its calls are not in the figures).
    public var warmUp: Duration

    /// A picture of `summary`; labels count from midnight unless `clockStart` says otherwise.
    public init(summary: SimulationSummary, target: Double, clockStart: Duration = .zero, warmUp: Duration = .zero) {
        self.summary = summary
        self.target = target
        self.clockStart = clockStart
        self.warmUp = warmUp
    }

    private static let width = 960.0
    private static let panelHeight = 320.0
    private static let left = 64.0
    private static let right = 900.0
    /// Within a panel: the plot area's top and bottom.
    private static let top = 46.0
    private static let bottom = 266.0

    /// The SVG document.
    public func svg() -> String {
        let height = Self.panelHeight * Double(summary.streams.count) + 10
        var lines = [
            ##"<?xml version="1.0" encoding="UTF-8"?>"##,
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(n(Self.width))" height="\##(n(height))" viewBox="0 0 \##(n(Self.width)) \##(n(height))" font-family="sans-serif" font-size="12">"##,
            ##"<rect x="0" y="0" width="\##(n(Self.width))" height="\##(n(height))" fill="white"/>"##,
        ]
        for (index, stream) in summary.streams.enumerated() {
            lines.append(##"<g transform="translate(0,\##(n(Self.panelHeight * Double(index))))">"##)
            lines += panel(stream)
            lines.append("</g>")
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func panel(_ stream: StreamSummary) -> [String] {
        let series = stream.series
        let end = series.last.map { $0.startMilliseconds + $0.lengthMilliseconds } ?? 1
        let x = { (milliseconds: Int64) in Self.left + (Self.right - Self.left) * Double(milliseconds) / Double(end) }
        let ySL = { (level: Double) in Self.bottom - (Self.bottom - Self.top) * level }
        let waitingScale = Self.niceCeiling(series.map { Double($0.mostWaiting) }.max() ?? 0)
        let yWaiting = { (calls: Double) in Self.bottom - (Self.bottom - Self.top) * calls / waitingScale }
        let threshold = SVGText.number(Double(stream.serviceLevelThreshold.milliseconds) / 1000)
        let runs = summary.replications.count
        var lines = [
            ##"<text x="\##(n(Self.left))" y="20" font-size="15" font-weight="bold">\##(SVGText.escaped(stream.name)): service level (answered within \##(threshold) s) and calls waiting</text>"##,
            ##"<text x="\##(n(Self.left))" y="36" fill="#555">\##(runs) replication\##(runs == 1 ? "" : "s"); shaded: below the \##(percent(target)) target</text>"##,
        ]
        // Shading first, then grid, bars, lines and labels on top.
        let warmUpEnd = warmUp.milliseconds
        if warmUpEnd > 0 {
            lines.append(rect(x: x(0), to: x(min(warmUpEnd, end)), fill: "#e8e8e8"))
            lines.append(##"<text x="\##(n(x(0) + 4))" y="\##(n(Self.top + 14))" fill="#777">warm-up</text>"##)
        }
        for bucket in series {
            if let level = bucket.serviceLevel, level < target {
                lines.append(rect(x: x(bucket.startMilliseconds), to: x(bucket.startMilliseconds + bucket.lengthMilliseconds), fill: "#fbd9d3"))
            }
        }
        for step in 0...5 {
            let level = Double(step) / 5
            lines.append(##"<line x1="\##(n(Self.left))" y1="\##(n(ySL(level)))" x2="\##(n(Self.right))" y2="\##(n(ySL(level)))" stroke="#ddd"/>"##)
            lines.append(##"<text x="\##(n(Self.left - 6))" y="\##(n(ySL(level) + 4))" text-anchor="end" fill="#1f5fa8">\##(percent(level))</text>"##)
            let calls = waitingScale * level
            lines.append(##"<text x="\##(n(Self.right + 6))" y="\##(n(ySL(level) + 4))" fill="#b8651b">\##(SVGText.number(calls))</text>"##)
        }
        for bucket in series where bucket.averageWaiting > 0 {
            let from = x(bucket.startMilliseconds) + 1
            let to = x(bucket.startMilliseconds + bucket.lengthMilliseconds) - 1
            let top = yWaiting(bucket.averageWaiting)
            lines.append(##"<rect x="\##(n(from))" y="\##(n(top))" width="\##(n(max(0.5, to - from)))" height="\##(n(Self.bottom - top))" fill="#f2a65a" fill-opacity="0.55"/>"##)
        }
        var peak: [String] = []
        for bucket in series {
            let y = n(yWaiting(Double(bucket.mostWaiting)))
            peak.append("\(n(x(bucket.startMilliseconds))),\(y)")
            peak.append("\(n(x(bucket.startMilliseconds + bucket.lengthMilliseconds))),\(y)")
        }
        lines.append(##"<polyline points="\##(peak.joined(separator: " "))" fill="none" stroke="#b8651b" stroke-width="1"/>"##)
        lines.append(##"<line x1="\##(n(Self.left))" y1="\##(n(ySL(target)))" x2="\##(n(Self.right))" y2="\##(n(ySL(target)))" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="6,4"/>"##)
        for segment in serviceLevelSegments(series) {
            let points = segment.map { bucket in
                "\(n(x(bucket.startMilliseconds + bucket.lengthMilliseconds / 2))),\(n(ySL(bucket.serviceLevel ?? 0)))"
            }
            lines.append(##"<polyline points="\##(points.joined(separator: " "))" fill="none" stroke="#1f5fa8" stroke-width="2"/>"##)
        }
        lines.append(##"<rect x="\##(n(Self.left))" y="\##(n(Self.top))" width="\##(n(Self.right - Self.left))" height="\##(n(Self.bottom - Self.top))" fill="none" stroke="#888"/>"##)
        for tick in Self.ticks(end: end, clockStart: clockStart.milliseconds) {
            let position = n(x(tick))
            lines.append(##"<line x1="\##(position)" y1="\##(n(Self.bottom))" x2="\##(position)" y2="\##(n(Self.bottom + 5))" stroke="#888"/>"##)
            let label = SVGText.clock(milliseconds: clockStart.milliseconds + tick)
            lines.append(##"<text x="\##(position)" y="\##(n(Self.bottom + 18))" text-anchor="middle">\##(label)</text>"##)
        }
        let legend = Self.bottom + 38
        lines += [
            ##"<line x1="\##(n(Self.left))" y1="\##(n(legend - 4))" x2="\##(n(Self.left + 24))" y2="\##(n(legend - 4))" stroke="#1f5fa8" stroke-width="2"/>"##,
            ##"<text x="\##(n(Self.left + 30))" y="\##(n(legend))">service level (left axis)</text>"##,
            ##"<line x1="\##(n(Self.left + 200))" y1="\##(n(legend - 4))" x2="\##(n(Self.left + 224))" y2="\##(n(legend - 4))" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="6,4"/>"##,
            ##"<text x="\##(n(Self.left + 230))" y="\##(n(legend))">target</text>"##,
            ##"<rect x="\##(n(Self.left + 300))" y="\##(n(legend - 10))" width="24" height="10" fill="#f2a65a" fill-opacity="0.55"/>"##,
            ##"<text x="\##(n(Self.left + 330))" y="\##(n(legend))">calls waiting, average (right axis)</text>"##,
            ##"<line x1="\##(n(Self.left + 560))" y1="\##(n(legend - 4))" x2="\##(n(Self.left + 584))" y2="\##(n(legend - 4))" stroke="#b8651b"/>"##,
            ##"<text x="\##(n(Self.left + 590))" y="\##(n(legend))">calls waiting, peak</text>"##,
        ]
        return lines
    }

    /// Runs of consecutive buckets that have a service level: the line breaks where no call came.
    private func serviceLevelSegments(_ series: [IntervalSummary]) -> [[IntervalSummary]] {
        var segments: [[IntervalSummary]] = []
        var current: [IntervalSummary] = []
        for bucket in series {
            if bucket.serviceLevel == nil {
                if !current.isEmpty { segments.append(current) }
                current = []
            } else {
                current.append(bucket)
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    private func rect(x from: Double, to: Double, fill: String) -> String {
        ##"<rect x="\##(n(from))" y="\##(n(Self.top))" width="\##(n(to - from))" height="\##(n(Self.bottom - Self.top))" fill="\##(fill)"/>"##
    }

    private func n(_ value: Double) -> String { SVGText.number(value) }

    private func percent(_ fraction: Double) -> String { SVGText.number(fraction * 100, decimals: 0) + "%" }

    /// The top of the waiting-calls axis: 1, 2 or 5 times a power of ten, at least 5.
    static func niceCeiling(_ value: Double) -> Double {
        var power = 1.0
        while true {
            for factor in [1.0, 2.0, 5.0] where factor * power >= max(value, 5) {
                return factor * power
            }
            power *= 10
        }
    }

    /// Offsets from the start of the time axis's ticks: a round step giving at most 12 ticks, on
    /// round times of day.
    static func ticks(end: Int64, clockStart: Int64) -> [Int64] {
        let minute: Int64 = 60_000
        let steps = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 43200].map { $0 * minute }
        let step = steps.first { end / $0 <= 12 } ?? end
        let first = (step - clockStart % step) % step
        return Array(stride(from: first, through: end, by: Int(step)))
    }
}
