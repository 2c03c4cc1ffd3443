import Foundation
import Testing

extension DaemonProcess {
    /// A connection that said hello as `role` (as `agent` for an agent client), its welcome read.
    func client(_ role: String, agent: String? = nil) throws -> (LineClient, welcome: [String: Any]) {
        let client = try LineClient(path: socketPath)
        let agentField = agent.map { #","agent":"\#($0)""# } ?? ""
        client.send(#"{"type":"hello","id":0,"protocol":1,"role":"\#(role)"\#(agentField)}"#)
        let welcome = try client.reply(0)
        #expect(welcome["type"] as? String == "welcome", "\(welcome)")
        return (client, welcome)
    }

    /// Runs the built acdctl with `arguments`: its exit status and what it printed.
    func acdctl(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary.deletingLastPathComponent().appendingPathComponent("acdctl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// `acdctl report --config <its configuration> ARGUMENTS` over what the daemon recorded, once
    /// it has stopped gracefully: call records are written up to 100 ms after the calls end, and a
    /// graceful stop writes what is left.
    func report(_ arguments: [String]) throws -> (status: Int32, output: String) {
        #expect(terminate() == 0, "\(log)")
        return try acdctl(["report", "--config", path("acdd.yaml")] + arguments)
    }
}
