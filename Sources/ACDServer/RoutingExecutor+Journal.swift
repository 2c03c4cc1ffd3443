import ACDCore
public import ACDJournal
import ACDProtocol
import ACDRecords
import Logging
import NIOCore

/// The executor's side of the write-ahead journal. Every command the engine carries out becomes an
/// entry; entries written in one turn of the loop go to the journal together, and while a batch is
/// being written the next one gathers (group commit). Replies and events wait in `held` until the
/// entries they follow are durable.
extension RoutingExecutor {
    /// Records a command the engine just carried out at `engine.now`, and the call records and
    /// agent intervals its `effects` completed.
    func record(_ command: Command, owner: String?, effects: [Effect]) {
        guard journal != nil else { return }
        unsubmitted.append(JournalEntry(sequence: nextSequence, at: engine.now, command: command, owner: owner))
        nextSequence += 1
        keep(keeper.observe(effects, at: engine.now, command: command))
        scheduleSubmission()
    }

    /// Rows to write with the next batch (time passing makes some without any entry).
    func keep(_ records: RecordBatch) {
        guard journal != nil, !records.isEmpty else { return }
        unsubmittedRecords.append(records)
        scheduleSubmission()
    }

    private func scheduleSubmission() {
        if !submissionScheduled, !commitInFlight, !isStorageWaiting {
            submissionScheduled = true
            eventLoop.assumeIsolated().execute { self.submit() }
        }
    }

    /// Whether a line must wait for the journal: some entry is not durable yet.
    var mustHold: Bool { durableThrough < nextSequence - 1 }

    /// Hands the gathered entries to the journal, and a snapshot when one is due.
    func submit() {
        submissionScheduled = false
        guard let journal, !commitInFlight, !unsubmitted.isEmpty || !unsubmittedRecords.isEmpty else { return }
        let batch = unsubmitted
        let records = unsubmittedRecords
        unsubmitted.removeAll(keepingCapacity: true)
        unsubmittedRecords = RecordBatch()
        commitInFlight = true
        let through = batch.last?.sequence ?? durableThrough
        // The executor lives on its loop; the journal's completion runs on the journal's queue.
        let executor = NIOLoopBound(self, eventLoop: eventLoop)
        let loop = eventLoop
        journal.append(batch, records: records) { result in
            loop.execute { executor.value.committed(batch, records: records, through: through, result: result) }
        }
        entriesSinceSnapshot += batch.count
        // One snapshot at a time: a large engine takes longer to encode than entries take to
        // come, and a backlog of snapshots would only grow.
        if entriesSinceSnapshot >= snapshotEvery, !snapshotInFlight {
            entriesSinceSnapshot = 0
            snapshotInFlight = true
            let snapshot = JournalSnapshot(
                through: through, configuration: center, engine: engine, callOwners: callOwners, records: keeper
            )
            let logger = logger
            journal.write(snapshot) { result in
                if case .failure(let error) = result {
                    logger.error("snapshot not written", metadata: ["error": "\(error)"])
                }
                loop.execute { executor.value.snapshotInFlight = false }
            }
        }
    }

    private func committed(_ batch: [JournalEntry], records: RecordBatch, through: Int64, result: Result<Void, JournalError>) {
        commitInFlight = false
        switch result {
        case .success:
            if isStorageWaiting {
                logger.notice("journal writes work again", metadata: ["journal": "\(journal?.path ?? "")"])
                isStorageWaiting = false
            }
            durableThrough = through
            releaseHeld()
            submit()
            if !mustHold, let settled {
                self.settled = nil
                settled.succeed()
            }
        case .failure(let error):
            // Nothing of the batch is acknowledged: it goes back first in line and is tried again.
            unsubmitted.insert(contentsOf: batch, at: 0)
            var retried = records
            retried.append(unsubmittedRecords)
            unsubmittedRecords = retried
            if !isStorageWaiting {
                logger.error("journal write failed: new calls are refused until it works again", metadata: ["error": "\(error)"])
                isStorageWaiting = true
            }
            eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { self.submit() }
        }
    }

    /// Sends the held lines whose entries are now durable, in order.
    private func releaseHeld() {
        while let first = held.first, first.requires <= durableThrough {
            held.removeFirst()
            carryOut(first.item, session: first.session, output: first.output)
        }
    }

    /// Completes once every entry recorded so far is durable and its lines are sent, or after
    /// `timeout` if the journal cannot be written (what waits then is never acknowledged).
    func journalSettled(timeout: TimeAmount = .seconds(5)) -> EventLoopFuture<Void> {
        guard mustHold else { return eventLoop.makeSucceededVoidFuture() }
        let promise = eventLoop.makePromise(of: Void.self)
        settled = promise
        eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            guard let settled = self.settled else { return }
            self.settled = nil
            self.logger.error("stopping with journal entries not durable: their replies are not sent", metadata: [
                "entries": "\(self.nextSequence - 1 - self.durableThrough)",
            ])
            settled.succeed()
        }
        return promise.futureResult
    }
}

extension Command {
    /// The call the command is about, if any.
    var call: CallID? {
        switch self {
        case .enqueue(let call): call.id
        case .accept(let call, _), .reject(let call, _), .noAnswer(let call, _), .hangup(let call, _), .abandon(let call),
             .transfer(let call, _), .reprioritize(let call, _), .move(let call, _):
            call
        case .login, .logout, .forceLogout, .ready, .notReady, .forceNotReady, .wrapUpDone, .beginDay, .reconfigure, .setOpen:
            nil
        }
    }
}
