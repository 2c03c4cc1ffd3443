import ACDCore
import ACDJournal
import ACDRecords
import Dispatch
import Logging

/// Makes the call records and agent intervals and writes them, on a thread of its own: the event
/// loop only hands over the engine's steps whose journal entries are durable, in the order they
/// happened, and the keeper (a pure value) turns them into rows here. Rows are written at most
/// every `writeInterval`: a transaction rewrites every page it touches of five tables and their
/// indexes, so a few large ones cost far less than many small ones, and nobody waits for records.
/// A snapshot handed over after some steps gets the keeper as it is after them, and is written
/// once their rows are, so that replaying the entries after it writes again whatever a crash lost.
///
/// Its state is confined to `queue` (hence `@unchecked Sendable`): every method only hands work
/// to it.
final class CallRecorder: @unchecked Sendable {
    /// Well below the event loop's priority, which replies wait for; records wait for nobody. On
    /// Linux libdispatch runs a queue of the background QoS at nice 10 (utility at 2, the default
    /// at -2, the loop's thread at 0), so the loop takes a core from the recorder as soon as it
    /// has work, and the recorder writes in between: under a flood of 60,000 requests/s it kept
    /// up (records written as fast as calls ended), and at 1,000 calls/s the p99 of enqueue to
    /// offer was lower than with the recorder at utility (1.2-1.7 ms against 2.2-2.3 ms).
    private let queue = DispatchQueue(label: "acdd.records", qos: .background)
    private let journal: Journal
    private let logger: Logger
    static let writeInterval = DispatchTimeInterval.milliseconds(100)
    /// After a failed write, the next try.
    static let retryInterval = DispatchTimeInterval.seconds(1)

    // Confined to `queue`.
    private var keeper: RecordKeeper
    private var unwritten = RecordBatch()
    private var waitingSnapshot: (snapshot: JournalSnapshot, written: @Sendable () -> Void)?
    private var writeScheduled = false
    /// When the last write began; nil before the first (`DispatchTime(uptimeNanoseconds: 0)` means now).
    private var lastWrite: DispatchTime?
    /// The last write failed: it is retried every `retryInterval`, and no snapshot is written meanwhile.
    private var isFailing = false

    init(keeper: RecordKeeper, journal: Journal, logger: Logger) {
        self.keeper = keeper
        self.journal = journal
        self.logger = logger
    }

    /// Goes on from `keeper` (recovery's), with `rows` (the replay's) still to write.
    func restart(from keeper: RecordKeeper, rows: RecordBatch) {
        queue.async {
            self.keeper = keeper
            self.unwritten.append(rows)
            self.scheduleWrite()
        }
    }

    /// Takes `steps`, whose journal entries are durable; then, if given, `snapshot`, taken right
    /// after them, to be written with the keeper of that moment once their rows are (`written`
    /// runs once it is, or could not be).
    func take(_ steps: [RecordStep], then snapshot: JournalSnapshot? = nil, written: @escaping @Sendable () -> Void = {}) {
        queue.async {
            for step in steps {
                self.unwritten.append(self.keeper.observe(step.effects, at: step.instant, command: step.command))
            }
            guard var snapshot else {
                self.scheduleWrite()
                return
            }
            snapshot.records = self.keeper
            self.waitingSnapshot = (snapshot, written)
            if !self.writeScheduled { self.write() }
        }
    }

    /// Writes what is waiting now; `completion` runs afterwards, whatever the outcome.
    func flush(completion: @escaping @Sendable () -> Void) {
        queue.async {
            self.write()
            completion()
        }
    }

    private func scheduleWrite() {
        guard !writeScheduled, !unwritten.isEmpty || waitingSnapshot != nil else { return }
        let due = lastWrite.map { $0 + (isFailing ? Self.retryInterval : Self.writeInterval) }
        guard let due, DispatchTime.now() < due else {
            write()
            return
        }
        writeScheduled = true
        queue.asyncAfter(deadline: due) {
            self.writeScheduled = false
            self.write()
        }
    }

    private func write() {
        lastWrite = .now()
        if !unwritten.isEmpty {
            do {
                try journal.records.writeNow(unwritten)
            } catch {
                if !isFailing {
                    logger.error("call records not written: retried every second, no snapshot meanwhile", metadata: ["error": "\(error)"])
                    isFailing = true
                }
                scheduleWrite()
                return
            }
            unwritten = RecordBatch()
            if isFailing {
                logger.notice("call records are written again", metadata: ["records": "\(journal.records.path)"])
                isFailing = false
            }
        }
        guard let (snapshot, written) = waitingSnapshot.take() else { return }
        let logger = logger
        journal.write(snapshot) { result in
            if case .failure(let error) = result {
                logger.error("snapshot not written", metadata: ["error": "\(error)"])
            }
            written()
        }
    }
}
