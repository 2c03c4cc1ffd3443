import ACDCore
public import ACDJournal
import Dispatch
import Foundation
import Synchronization

/// The journal opened and its contents read on a thread of their own, started as soon as the
/// configuration names the state directory: SQLite's recovery of the journal after a crash and the
/// decoding of its snapshot then overlap the parsing of the rest of the configuration and the
/// daemon's set-up. The executor takes the result when it starts.
public final class JournalOpening: Sendable {
    /// The journal opened, what reading it gave (an unreadable snapshot is the recovery's error,
    /// as without the opening) and how long the reading took (for the recovery's log line).
    struct Opened: Sendable {
        let journal: Journal
        let contents: Result<JournalContents, JournalError>
        let readMilliseconds: Int64
    }

    public let directory: String
    private let result = Mutex<Result<Opened, JournalError>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts opening the journal in `directory` and reading its latest snapshot and entries.
    public init(directory: String, durability: Durability, history: Duration?) {
        self.directory = directory
        DispatchQueue.global().async { [self] in
            let opened = Result { () throws(JournalError) in
                let journal = try Journal(directory: directory, durability: durability, history: history)
                let started = WallClock.now()
                let contents = Result { () throws(JournalError) in try journal.contents() }
                return Opened(journal: journal, contents: contents, readMilliseconds: WallClock.now().millisecondsSinceEpoch - started.millisecondsSinceEpoch)
            }
            result.withLock { $0 = opened }
            finished.signal()
        }
    }

    /// Starts opening the journal in `directory` if there is one already (an earlier run's), so
    /// that none is created before the whole configuration is known to be valid; nil otherwise.
    public static func ofExistingJournal(in directory: String, durability: Durability, history: Duration?) -> JournalOpening? {
        guard FileManager.default.fileExists(atPath: Journal.path(in: directory)) else { return nil }
        return JournalOpening(directory: directory, durability: durability, history: history)
    }

    /// Waits for the opening to end; called once.
    func take() throws(JournalError) -> Opened {
        finished.wait()
        return try result.withLock { $0.take()! }.get()
    }
}
