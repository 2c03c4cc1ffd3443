import ACDClient
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A socket that cannot be reached gives one sentence naming the path and the reason.
@Suite struct ConnectFailureTests {
    @Test func aMissingSocketSaysSoAndSuggestsTheDaemonIsDown() async throws {
        let path = FakeServer.temporaryDirectory() + "/missing.sock"
        await #expect(throws: ACDClientError.cannotConnect(path: path, reason: .noSuchFile)) {
            _ = try await ACDConnection.connect(to: path, as: .supervisor())
        }
        let error = ACDClientError.cannotConnect(path: path, reason: .noSuchFile)
        #expect(error.description == "cannot connect to \(path): no such file (is acdd running?)")
    }

    @Test func aSocketFileNobodyListensOnIsRefused() async throws {
        let path = FakeServer.temporaryDirectory() + "/stale.sock"
        try bindWithoutListening(path)
        await #expect(throws: ACDClientError.cannotConnect(path: path, reason: .refused)) {
            _ = try await LineConnection.connect(to: path)
        }
    }

    @Test func aPlainFileIsNotASocket() async throws {
        let path = FakeServer.temporaryDirectory() + "/plain"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        await #expect(throws: ACDClientError.cannotConnect(path: path, reason: .notASocket)) {
            _ = try await LineConnection.connect(to: path)
        }
    }

    @Test func aPathTooLongForASocketIsNamedSo() async throws {
        let path = "/tmp/" + String(repeating: "x", count: 120) + ".sock"
        await #expect(throws: ACDClientError.cannotConnect(path: path, reason: .pathTooLong)) {
            _ = try await LineConnection.connect(to: path)
        }
    }

    @Test func errnoValuesReadAsPlainWords() {
        #expect(ConnectFailure(errno: ENOENT) == .noSuchFile)
        #expect(ConnectFailure(errno: ECONNREFUSED) == .refused)
        #expect(ConnectFailure(errno: EACCES) == .permissionDenied)
        #expect(ConnectFailure(errno: EPERM) == .permissionDenied)
        #expect(ConnectFailure(errno: ENOTDIR) == .notADirectory)
        #expect(ConnectFailure.permissionDenied.description == "permission denied (is your user in the socket's group?)")
        #expect(ConnectFailure.refused.description.hasPrefix("connection refused"))
        #expect(ConnectFailure(errno: EMFILE).description.contains("errno \(EMFILE)"))
    }

    /// Leaves a socket file behind with no listener, as a daemon that died would.
    private func bindWithoutListening(_ path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(result == 0)
    }
}
