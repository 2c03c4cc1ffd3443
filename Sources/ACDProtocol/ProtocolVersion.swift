/// The wire protocol's version and framing rules, shared by acdd and every client.
///
/// Framing: one JSON object per line, UTF-8, ended by `\n` (a `\r` before it is ignored). A
/// request line longer than the server's limit (by default `maximumLineBytes`) gets the error
/// `line_too_long` and the connection is closed. Server lines can be longer (a `status` reply of a
/// large center); clients accept up to `maximumServerLineBytes`.
public enum ProtocolVersion {
    /// The version a client names in its hello.
    public static let current = 1
    /// The longest request line a server takes by default, in bytes, without its newline.
    public static let maximumLineBytes = 65_536
    /// The longest line a client accepts from the server.
    public static let maximumServerLineBytes = 64 * 1_048_576
}
