import CSystemd
import Glibc

/// The listening socket systemd passed (socket activation: LISTEN_FDS, LISTEN_PID,
/// LISTEN_FDNAMES), for the daemon to adopt instead of binding its configured path.
public enum ActivatedSocket {
    /// The names acdd's socket may have: the socket unit's name, which systemd uses by default,
    /// or `FileDescriptorName=acdd`.
    public static let expectedNames = ["acdd.socket", "acdd"]

    /// A descriptor systemd passed, with its name ("unknown" when systemd named none).
    struct Passed: Equatable {
        var descriptor: Int32
        var name: String
    }

    /// The descriptor to adopt, or nil when systemd passed none. With one socket, that one;
    /// with several, the one named like `expectedNames`. It must be a listening Unix stream
    /// socket. The LISTEN_* variables are cleared, so that nothing else adopts the socket.
    public static func fromEnvironment(expectedNames: [String] = expectedNames) throws(SystemdError) -> Int32? {
        let passed = try passedDescriptors()
        guard !passed.isEmpty else { return nil }
        let chosen = try choose(from: passed, expectedNames: expectedNames)
        let check = sd_is_socket_unix(chosen.descriptor, Int32(SOCK_STREAM.rawValue), 1, nil, 0)
        guard check >= 0 else { throw .socketCheck(descriptor: chosen.descriptor, errno: -check) }
        guard check > 0 else { throw .notAListeningUnixSocket(descriptor: chosen.descriptor, name: chosen.name) }
        return chosen.descriptor
    }

    /// Which of the passed descriptors is acdd's socket: the only one, or the only one with an
    /// expected name.
    static func choose(from passed: [Passed], expectedNames: [String]) throws(SystemdError) -> Passed {
        if passed.count == 1 {
            return passed[0]
        }
        let named = passed.filter { expectedNames.contains($0.name) }
        guard named.count == 1 else {
            throw .ambiguousSockets(passed: passed.map(\.name), expected: expectedNames)
        }
        return named[0]
    }

    /// sd_listen_fds_with_names: the descriptors from SD_LISTEN_FDS_START on, with their names.
    private static func passedDescriptors() throws(SystemdError) -> [Passed] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        guard count >= 0 else { throw .listenDescriptors(errno: -count) }
        defer {
            if let names {
                for index in 0..<Int(count) {
                    free(names[index])
                }
                free(names)
            }
        }
        return (0..<count).map { index in
            let name = names?[Int(index)].map { String(cString: $0) } ?? "unknown"
            return Passed(descriptor: SD_LISTEN_FDS_START + index, name: name)
        }
    }
}
