import Foundation

/// A raw protocol client for tests: one Unix stream socket, lines in and out, reads with a
/// deadline so a missing line fails the test instead of hanging it.
final class LineClient {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// The id of the last request sent with `ask`.
    private var lastID = 1_000_000

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw ClientError.connect(String(cString: strerror(errno)))
        }
    }

    deinit {
        close(descriptor)
    }

    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Sends raw bytes (no newline added).
    func sendRaw(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Closes the sending side only, like `printf ... | socat`.
    func halfClose() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// The next line, or nil when the server closed the connection; throws after `timeout`.
    func readLine(timeout: Duration = .seconds(5)) throws -> String? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw ClientError.timeout(pending: String(decoding: buffer, as: UTF8.self)) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(1, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&poller, 1, milliseconds) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return nil }
            buffer += chunk[..<count]
        }
    }

    /// The next line as a JSON object.
    func readObject(timeout: Duration = .seconds(5)) throws -> [String: Any] {
        guard let line = try readLine(timeout: timeout) else { throw ClientError.closed }
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw ClientError.notAnObject(line)
        }
        return object
    }

    /// Reads until an object satisfying `match` arrives; returns it (skipping others).
    func read(until match: ([String: Any]) -> Bool, timeout: Duration = .seconds(5)) throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let object = try readObject(timeout: deadline - ContinuousClock.now)
            if match(object) { return object }
        }
    }

    /// Reads the reply to request `id`, skipping events.
    func reply(_ id: Int) throws -> [String: Any] {
        try read { ($0["id"] as? Int) == id }
    }

    /// Sends a request (`fields`: the members besides `id`, e.g. `"type":"status"`) with this
    /// client's next id and returns its reply, skipping events.
    func ask(_ fields: String) throws -> [String: Any] {
        lastID += 1
        send(#"{"id":\#(lastID),\#(fields)}"#)
        return try reply(lastID)
    }

    /// Reads the next event named `name`, skipping others.
    func event(_ name: String) throws -> [String: Any] {
        try read { ($0["event"] as? String) == name }
    }
}

enum ClientError: Error {
    case connect(String)
    case timeout(pending: String)
    case closed
    case notAnObject(String)
}
