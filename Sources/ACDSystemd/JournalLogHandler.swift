public import Logging

/// A swift-log handler that writes structured entries to the systemd journal (sd_journal_sendv):
/// the message, its priority, where it was logged, and every metadata value as a field of its
/// own (see `LogRecord`). An entry the journal refuses is written as text on stderr instead,
/// with the reason, so that nothing is lost silently.
public struct JournalLogHandler: LogHandler {
    /// The least severe level written.
    public var logLevel: Logger.Level = .info
    /// Metadata of every entry; an event's own metadata wins over it.
    public var metadata: Logger.Metadata = [:]
    /// Metadata gathered at each event (e.g. from task locals), between the two above.
    public var metadataProvider: Logger.MetadataProvider?
    /// SYSLOG_IDENTIFIER of every entry (`journalctl -t`).
    public let identifier: String
    private let label: String

    /// A handler for the logger labelled `label`, whose entries carry `identifier`.
    public init(label: String, identifier: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.identifier = identifier
        self.metadataProvider = metadataProvider
    }

    /// One value of `metadata`.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one journal entry.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata {
            merged.merge(explicit) { _, explicit in explicit }
        }
        do {
            try LogRecord(event: event, metadata: merged, identifier: identifier).send()
        } catch {
            var fallback = StreamLogHandler.standardError(label: label, metadataProvider: nil)
            fallback.logLevel = logLevel
            var event = event
            merged["journal.error"] = "\(error)"
            event.metadata = merged
            fallback.log(event: event)
        }
    }
}
