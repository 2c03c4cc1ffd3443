public import ACDCore

extension RecordedCall {
    /// Who made the call: the customer (inbound), or the center dialing a customer: a caller who
    /// asked to be called back, or an outbound call an adapter pushed.
    public enum Kind: String, Equatable, Sendable, Codable {
        case inbound
        /// An inbound call whose caller left the line to be called back (or was taken as a
        /// callback while its queue was closed): it arrived inbound and was then dialed.
        case callback
        /// Work pushed by an adapter (`call.outbound`): it never waited on the line.
        case outbound

        /// The kind of a call the center dials.
        public init(_ kind: DialKind) {
            switch kind {
            case .callback: self = .callback
            case .outbound: self = .outbound
            }
        }
    }
}
