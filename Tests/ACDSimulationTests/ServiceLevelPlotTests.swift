@testable import ACDSimulation
import ACDCore
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG picture: well-formed XML, one panel per stream, shortfalls shaded.
@Suite struct ServiceLevelPlotTests {
    /// Counts elements by name and checks the document parses.
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var texts: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            counts[name, default: 0] += 1
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            texts.append(string)
        }
    }

    private func summary() async throws -> SimulationSummary {
        // Two agents for a morning with a busy hour in the middle: the busy hour falls short.
        let plan = SimulationPlan(
            center: TestCenters.singleQueue(agents: 3),
            traffic: TrafficModel(streams: [
                TrafficStream(name: "ventas <&> \"vip\"", queue: "q", callsPerHour: [20, 60, 20], handleTime: .exponential(mean: .seconds(180))),
                TrafficStream(queue: "q", priority: 5, callsPerHour: [5], handleTime: .exponential(mean: .seconds(180))),
            ], interval: .seconds(3600)),
            duration: .seconds(3 * 3600)
        )
        return try await Simulator.replicate(plan, replications: 2, seed: 1, parallelism: 2)
    }

    @Test func theDocumentIsWellFormedWithAPanelPerStream() async throws {
        let summary = try await summary()
        let svg = ServiceLevelPlot(summary: summary, target: 0.8, clockStart: .seconds(8 * 3600), warmUp: .seconds(600)).svg()
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["svg"] == 1)
        #expect(counter.counts["g"] == 2)
        let shortfalls = summary.streams.flatMap(\.series).filter { ($0.serviceLevel ?? 1) < 0.8 }.count
        #expect(shortfalls > 0)
        #expect(svg.components(separatedBy: ##"fill="#fbd9d3""##).count - 1 == shortfalls)
        // The parser hands text over in pieces, entities apart.
        #expect(counter.texts.joined().contains("ventas <&> \"vip\""))
        #expect(counter.texts.contains("08:00"))
        #expect(counter.texts.contains("10:00"))
        #expect(counter.texts.contains("warm-up"))
    }

    @Test func numbersAndClocksReadPlainly() {
        #expect(SVGText.number(12.5) == "12.5")
        #expect(SVGText.number(3) == "3")
        #expect(SVGText.number(-0.25, decimals: 2) == "-0.25")
        #expect(SVGText.number(0.04) == "0")
        #expect(SVGText.number(99.96) == "100")
        #expect(SVGText.escaped("a<b & 'c'") == "a&lt;b &amp; &apos;c&apos;")
        #expect(SVGText.clock(milliseconds: 8 * 3_600_000 + 5 * 60_000) == "08:05")
        #expect(SVGText.clock(milliseconds: 26 * 3_600_000) == "d2 02:00")
        #expect(ServiceLevelPlot.niceCeiling(0) == 5)
        #expect(ServiceLevelPlot.niceCeiling(13) == 20)
        // An 8-hour day from 07:30: hourly ticks on the hour, the first half an hour in.
        let ticks = ServiceLevelPlot.ticks(end: 8 * 3_600_000, clockStart: 30 * 60_000)
        #expect(ticks.count == 8)
        #expect(ticks.first == 1_800_000)
    }
}
