public import Logging

/// A log handler that hands each event to a `LogWriter`, which writes it with `handler` (the
/// journal's or stderr's) on a queue of its own. The level, the metadata and the metadata provider
/// are this handler's; the provider is asked where the event is logged, since task locals do not
/// follow the event to the writer's queue.
public struct BackgroundLogHandler: LogHandler {
    /// The handler that writes the events.
    private var handler: any LogHandler
    /// Metadata gathered at each event (e.g. from task locals), under the logger's and event's own.
    public var metadataProvider: Logger.MetadataProvider?
    private let writer: LogWriter

    /// A handler that writes through `writer` with `handler`.
    public init(_ handler: any LogHandler, writer: LogWriter, metadataProvider: Logger.MetadataProvider? = nil) {
        var handler = handler
        if handler.metadataProvider != nil {
            handler.metadataProvider = nil
        }
        self.handler = handler
        self.writer = writer
        self.metadataProvider = metadataProvider
    }

    /// The least severe level written.
    public var logLevel: Logger.Level {
        get { handler.logLevel }
        set { handler.logLevel = newValue }
    }

    /// Metadata of every entry; an event's own metadata wins over it.
    public var metadata: Logger.Metadata {
        get { handler.metadata }
        set { handler.metadata = newValue }
    }

    /// One value of `metadata`.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { handler[metadataKey: key] }
        set { handler[metadataKey: key] = newValue }
    }

    /// Hands `event`, with the provider's metadata, to the writer.
    public func log(event: LogEvent) {
        var event = event
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            event.metadata = provided.merging(event.metadata ?? [:]) { _, explicit in explicit }
        }
        writer.log(event, with: handler)
    }
}
