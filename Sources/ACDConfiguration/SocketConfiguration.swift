/// Where the daemon listens: the Unix socket its clients (telephony adapters, supervisors,
/// agent clients, `acdctl`) connect to.
public struct SocketConfiguration: Equatable, Sendable {
    /// The socket file's path; the loader makes a relative path absolute against the directory of
    /// the configuration file.
    public var path: String
    /// The socket file's permission bits, e.g. `0o660`.
    public var mode: UInt32
    /// The group the socket file is given, so that its members may connect. Nil: the daemon's own.
    public var group: String?

    /// The default path, relative to the configuration file's directory.
    public static let defaultPath = "./run/acdd.sock"
    /// The default permission bits: owner and group may connect.
    public static let defaultMode: UInt32 = 0o660

    public init(path: String = SocketConfiguration.defaultPath, mode: UInt32 = SocketConfiguration.defaultMode, group: String? = nil) {
        self.path = path
        self.mode = mode
        self.group = group
    }
}
