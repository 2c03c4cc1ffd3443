import Foundation
import Testing

/// `acdctl simulate` and `acdctl forecast` through the built binary: no daemon needed.
@Suite struct AcdctlSimulationTests {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    private func acdctl(_ arguments: String...) throws -> Outcome {
        try acdctl(arguments)
    }

    /// Runs the acdctl built next to the test bundle.
    private func acdctl(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("acdctl")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self)
        )
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdctl-sim-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func simulateReportsAsJSONAndTheSameSeedGivesTheSameReport() throws {
        let arguments = ["simulate", "--agents", "6", "--arrivals", "90", "--duration", "4h", "--replications", "3", "--seed", "5", "--json"]
        let first = try acdctl(arguments)
        #expect(first.status == 0, "\(first.errors)")
        let again = try acdctl(arguments)
        #expect(again.output == first.output)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        #expect(report["replications"] as? Int == 3)
        let streams = try #require(report["streams"] as? [[String: Any]])
        #expect(streams.first?["name"] as? String == "calls")
        let level = try #require(streams.first?["service_level"] as? [String: Any])
        let mean = try #require(level["mean"] as? Double)
        #expect(mean > 0 && mean <= 1)
        #expect(level["half_width"] is Double)
        #expect((streams.first?["series"] as? [Any])?.count == 16)
        let other = try acdctl(["simulate", "--agents", "6", "--arrivals", "90", "--duration", "4h", "--replications", "3", "--seed", "6", "--json"])
        #expect(other.output != first.output)
    }

    @Test func simulateDrawsThePlotAndPrintsATable() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plot = directory.appendingPathComponent("day.svg").path
        let run = try acdctl(
            "simulate", "--agents", "3,5,3", "--arrivals", "40,80,40", "--interval", "1h", "--start", "08:00",
            "--patience", "exp:2m", "--replications", "2", "--plot", plot
        )
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Simulated 2 replications of 3h00m from 08:00"))
        #expect(run.output.contains("SERVICE LEVEL"))
        #expect(run.output.contains("Center occupancy:"))
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
        #expect(svg.contains(">09:00<"))
    }

    @Test func simulateAndForecastReadAConfiguration() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("center.yaml").path
        try """
            queues:
              - id: sales
                required_skills: [sales]
                wrap_up: 10s
              - id: support
                required_skills: [support]
                wrap_up: 10s
            agents:
              - {id: ana, skills: {sales: 5}}
              - {id: bo, skills: {sales: 5, support: 5}, tiers: {sales: 2}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let simulation = try acdctl(
            "simulate", "--config", path, "--arrivals", "sales=40", "--arrivals", "support@5=20", "--agents", "6",
            "--duration", "2h", "--replications", "2"
        )
        #expect(simulation.status == 0, "\(simulation.errors)")
        #expect(simulation.output.contains("support@5"))
        let forecast = try acdctl(
            "forecast", "--config", path, "--arrivals", "sales=40", "--arrivals", "support=20", "--replications", "2",
            "--check-duration", "1h", "--json"
        )
        #expect(forecast.status == 0, "\(forecast.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(forecast.output.utf8)) as? [String: Any])
        #expect(report["method"] as? String == "simulation")
        #expect((report["inexact_because"] as? [String])?.contains("several queues share the agents (skills)") == true)
        let interval = try #require((report["intervals"] as? [[String: Any]])?.first)
        #expect((interval["agents"] as? Int ?? 0) >= 3)
    }

    /// `acdctl forecast | head -1`: the reader goes away; acdctl ends quietly (it used to crash
    /// on the broken pipe with a backtrace).
    @Test func aReaderThatGoesAwayEndsAcdctlQuietly() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("acdctl")
        process.arguments = ["forecast", "--arrivals", "10,20,30,40,50,60,70,80,90,100", "--handle-time", "3m", "--no-check"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try output.fileHandleForReading.close()
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(process.terminationStatus) \(errorText)")
        #expect(errorText.isEmpty, "\(errorText)")
    }

    @Test func forecastStaffsByErlangC() throws {
        let run = try acdctl("forecast", "--arrivals", "100,200", "--handle-time", "3m", "--no-check", "--json")
        #expect(run.status == 0, "\(run.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(report["method"] as? String == "erlang-c")
        #expect((report["intervals"] as? [[String: Any]])?.map { $0["agents"] as? Int } == [8, 14])
        let table = try acdctl("forecast", "--arrivals", "100", "--handle-time", "3m", "--max-occupancy", "60%", "--no-check", "--start", "09:00")
        #expect(table.status == 0, "\(table.errors)")
        #expect(table.output.contains("Agents by Erlang C, not checked by simulation"))
        #expect(table.output.contains("09:00-09:30"))
        #expect(table.output.contains("Total: 4.5 agent-hours."))
    }

    @Test func badOptionsAreExplained() throws {
        let syntax = try acdctl("simulate", "--agents", "5", "--arrivals", "abc")
        #expect(syntax.status == 64)
        #expect(syntax.errors.contains("--arrivals: 'abc' is not a number of calls per hour"))
        let noAgents = try acdctl("simulate", "--arrivals", "60")
        #expect(noAgents.status == 64)
        #expect(noAgents.errors.contains("--agents N"))
        let distribution = try acdctl("forecast", "--arrivals", "60", "--handle-time", "gamma:3m")
        #expect(distribution.status == 64)
        #expect(distribution.errors.contains("is not a distribution"))
        let stream = try acdctl("simulate", "--agents", "3", "--arrivals", "60", "--patience", "vip=1m")
        #expect(stream.status == 1)
        #expect(stream.errors == "acdctl: --patience: no call stream 'vip' (streams: calls)\n")
        let file = try acdctl("forecast", "--config", "/nonexistent/acdd.yaml", "--arrivals", "60")
        #expect(file.status == 1)
        #expect(file.errors.hasPrefix("acdctl: /nonexistent/acdd.yaml:1:1: cannot read the file"))
        let target = try acdctl("forecast", "--arrivals", "60", "--service-level", "100")
        #expect(target.status == 1)
        #expect(target.errors.contains("below 100%"))
    }
}
