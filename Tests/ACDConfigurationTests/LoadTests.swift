import ACDConfiguration
import ACDCore
import Foundation
import Testing

/// Reading the file from disk.
@Suite struct LoadTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func relativePathsResolveAgainstTheFilesDirectory() throws {
        let path = try write(Array("queues: [{id: q}]\nsocket: {path: s.sock}\n".utf8), to: "acdd.yaml")
        let configuration = try DaemonConfiguration.load(path: path)
        #expect(configuration.socket.path == directory + "/s.sock")
        #expect(configuration.stateDirectory == directory + "/state")
    }

    @Test func aRelativeFileNameResolvesAgainstTheCurrentDirectory() throws {
        let configuration = try DaemonConfiguration.parse(yaml: minimal(), file: "conf/acdd.yaml")
        #expect(configuration.socket.path == FileManager.default.currentDirectoryPath + "/conf/run/acdd.sock")
    }

    @Test func missingFile() {
        let path = directory + "/missing.yaml"
        #expect(throws: ConfigurationFileError(file: path, line: 1, column: 1, message: "cannot read the file: No such file or directory")) {
            try DaemonConfiguration.load(path: path)
        }
    }

    @Test func directoryInsteadOfAFile() {
        #expect(throws: ConfigurationFileError(file: directory, line: 1, column: 1, message: "cannot read the file: Is a directory")) {
            try DaemonConfiguration.load(path: directory)
        }
    }

    @Test func invalidUTF8IsReportedWhereItStarts() throws {
        let path = try write(Array("queues:\n  - id: q".utf8) + [0xC3, 0x28] + Array("\n".utf8), to: "latin1.yaml")
        #expect(throws: ConfigurationFileError(file: path, line: 2, column: 10, message: "the file is not valid UTF-8 text")) {
            try DaemonConfiguration.load(path: path)
        }
    }

    @Test func binaryGarbageIsRefused() throws {
        let path = try write((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, to: "garbage.yaml")
        #expect(throws: ConfigurationFileError.self) { try DaemonConfiguration.load(path: path) }
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let path = try write([0xEF, 0xBB, 0xBF] + Array("queues:\r\n  - id: q\r\n".utf8), to: "windows.yaml")
        #expect(try DaemonConfiguration.load(path: path).center.queues.map(\.id) == ["q"])
    }

    @Test func errorsNameTheFileAsGiven() throws {
        let path = try write(Array("queues: [{id: q}]\nbogus: 1\n".utf8), to: "bad.yaml")
        let error = #expect(throws: ConfigurationFileError.self) { try DaemonConfiguration.load(path: path) }
        #expect(error?.description.hasPrefix(path + ":2:1: unknown key 'bogus'") == true)
    }
}
