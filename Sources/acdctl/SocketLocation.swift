/// Where acdctl looks for the daemon's socket when `--socket` is not given.
enum SocketLocation {
    static let environmentVariable = "ACDD_SOCKET"
    /// The example configuration's socket, for a daemon run by hand from the source tree.
    static let development = "config/run/acdd.sock"
    /// Where the packaged daemon listens.
    static let system = "/run/acdd/acdd.sock"

    /// `--socket` when given, else `$ACDD_SOCKET` when set and not empty, else the development
    /// socket when it exists, else the system one.
    static func resolve(explicit: String?, environment: [String: String], exists: (String) -> Bool) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        if exists(development) { return development }
        return system
    }
}
