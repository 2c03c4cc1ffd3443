import Foundation
import NIOCore

/// The Unix identity of the process at the other end of a connection, from SO_PEERCRED, with its
/// supplementary groups from /proc (SO_PEERCRED gives the primary group only).
struct PeerCredentials: Sendable, Equatable, CustomStringConvertible {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32
    /// The primary group and every supplementary group.
    var groups: Set<UInt32>

    var description: String { "pid \(pid) uid \(uid) gid \(gid)" }

    /// Glibc hides `struct ucred`; this has its layout.
    private struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The credentials of the peer of a connected Unix socket channel.
    static func of(_ channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(PeerCredentialsError.unavailable)
        }
        let credentials: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: NIOBSDSocket.OptionLevel.socket, name: NIOBSDSocket.Option(rawValue: SO_PEERCRED)
        )
        return credentials.map { credentials in
            var groups: Set<UInt32> = [credentials.gid]
            groups.formUnion(supplementaryGroups(of: credentials.pid))
            return PeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid, groups: groups)
        }
    }

    /// The `Groups:` line of /proc/PID/status; empty when it cannot be read.
    private static func supplementaryGroups(of pid: Int32) -> [UInt32] {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return [] }
        for line in status.split(separator: "\n") where line.hasPrefix("Groups:") {
            return line.dropFirst("Groups:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { UInt32($0) }
        }
        return []
    }
}

enum PeerCredentialsError: Error {
    case unavailable
}
