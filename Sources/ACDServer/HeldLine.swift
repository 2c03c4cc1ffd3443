import NIOCore

/// A reply, an event or the end of a session that waits for the journal: it is carried out once
/// every entry up to `requires` is durable, so no client ever hears of a state that a crash could
/// take back. It keeps the session's output, so a client that already sent its last request (and
/// closed its side) still gets every answer. Lines wait encoded (an event numbered already): what
/// waits is then as cheap to keep and send as what goes out at once.
struct HeldLine {
    enum Item {
        case line(ByteBuffer)
        /// The session ended: its output ends after the lines before this one.
        case finish
    }

    var session: UInt64
    var output: SessionOutput
    var requires: Int64
    var item: Item
}
