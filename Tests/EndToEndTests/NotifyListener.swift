import Foundation

/// Plays systemd's side of sd_notify for a test: a Unix datagram socket the daemon is given as
/// NOTIFY_SOCKET, read with a deadline so that a missing message fails the test instead of
/// hanging it.
final class NotifyListener {
    let path: String
    private let directory: URL
    private let descriptor: Int32

    /// Binds a fresh socket in a temporary directory (bound before the daemon starts: sd_notify
    /// fails when the socket does not exist yet).
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("acdd-notify-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("notify.sock").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw NotifyError.bind(reason)
        }
    }

    deinit {
        close(descriptor)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The next message; throws when none arrives within `timeout`.
    func next(timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw NotifyError.timeout }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(1, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&poller, 1, milliseconds) > 0, let message = receive() else { continue }
            return message
        }
    }

    /// Reads messages until one contains `assignment` (e.g. "STOPPING=1"); returns it.
    func next(containing assignment: String, timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let message = try next(timeout: deadline - ContinuousClock.now)
            if Self.assignments(message).contains(assignment) { return message }
        }
    }

    /// Every message already received and not read yet, without waiting.
    func pending() -> [String] {
        var messages: [String] = []
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, 0) > 0, let message = receive() {
            messages.append(message)
        }
        return messages
    }

    /// A message's lines, e.g. ["READY=1", "STATUS=..."].
    static func assignments(_ message: String) -> [String] {
        message.split(separator: "\n").map(String.init)
    }

    private func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}

enum NotifyError: Error {
    case bind(String)
    case timeout
}
