/// The wire protocol's version and framing rules, shared by acdd and every client.
///
/// Framing: one JSON object per line, UTF-8, ended by `\n` (a `\r` before it is ignored). A line
/// longer than `maximumLineBytes` gets the error `line_too_long` and the connection is closed.
public enum ProtocolVersion {
    /// The version a client names in its hello.
    public static let current = 1
    /// The longest line either side may send, in bytes, without its newline.
    public static let maximumLineBytes = 65_536
}
