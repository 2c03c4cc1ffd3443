import ACDCore
import ACDJournal
import ACDProtocol
import ACDRecords
import Logging
import NIOCore

/// The executor's side of the write-ahead journal. Every command the engine carries out becomes an
/// entry; entries written in one turn of the loop go to the journal together (group commit).
/// Replies and events wait in `held` until the entries they follow are durable. With `process`
/// durability a commit only writes to the file system, so the batch is written on the loop at the
/// end of its turn; with `power` it waits for the disk, so it is written on the journal's queue
/// while the next batch gathers.
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

    /// Hands the gathered entries to the journal, and takes a snapshot when one is due (written
    /// once the records of everything it includes are).
    func submit() {
        submissionScheduled = false
        guard let journal, !commitInFlight, !unsubmitted.isEmpty || !unsubmittedRecords.isEmpty else { return }
        let records = unsubmittedRecords
        unsubmittedRecords = RecordBatch()
        guard !unsubmitted.isEmpty else {
            // Rows made by time passing alone: what they follow is durable already.
            writeRecords(records, through: durableThrough)
            return
        }
        let batch = unsubmitted
        unsubmitted.removeAll(keepingCapacity: true)
        commitInFlight = true
        let through = batch.last?.sequence ?? durableThrough
        entriesSinceSnapshot += batch.count
        // One snapshot at a time: a large engine takes longer to encode than entries take to
        // come, and a backlog of snapshots would only grow.
        if entriesSinceSnapshot >= snapshotEvery, !snapshotInFlight {
            entriesSinceSnapshot = 0
            snapshotInFlight = true
            awaitingSnapshot = JournalSnapshot(
                through: through, configuration: center, engine: engine, callOwners: callOwners, records: keeper
            )
        }
        switch journal.durability {
        case .process:
            let result = Result { () throws(JournalError) in try journal.appendNow(batch) }
            committed(batch, records: records, through: through, result: result)
        case .power:
            // The executor lives on its loop; the journal's completion runs on the journal's queue.
            let executor = NIOLoopBound(self, eventLoop: eventLoop)
            let loop = eventLoop
            journal.append(batch) { result in
                loop.execute { executor.value.committed(batch, records: records, through: through, result: result) }
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
            writeRecords(records, through: through)
            submit()
            settleIfDone()
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

    /// Hands call records and agent intervals to the records' database, whose writes go on beside
    /// the journal's and hold up no reply: `records` follow the entries through `through`, which
    /// are durable. While a write is in flight, or until `recordsInterval` has passed since the
    /// last one began, the next rows gather.
    private func writeRecords(_ records: RecordBatch, through: Int64) {
        unwrittenRecords.append(records)
        unwrittenRecordsThrough = through
        guard let journal, !recordsInFlight, recordsTimer == nil else { return }
        if unwrittenRecords.isEmpty {
            recordsWritten(through: through)
            return
        }
        let due = lastRecordsWrite + Self.recordsInterval
        guard NIODeadline.now() >= due else {
            recordsTimer = eventLoop.assumeIsolated().scheduleTask(deadline: due) {
                self.recordsTimer = nil
                self.writeRecords(RecordBatch(), through: self.unwrittenRecordsThrough)
            }
            return
        }
        lastRecordsWrite = .now()
        let rows = unwrittenRecords
        unwrittenRecords = RecordBatch()
        recordsInFlight = true
        let executor = NIOLoopBound(self, eventLoop: eventLoop)
        let loop = eventLoop
        journal.records.write(rows) { result in
            loop.execute { executor.value.recordsCommitted(rows, through: through, result: result) }
        }
    }

    private func recordsCommitted(_ rows: RecordBatch, through: Int64, result: Result<Void, JournalError>) {
        recordsInFlight = false
        switch result {
        case .success:
            if isRecordsWaiting {
                logger.notice("call records are written again", metadata: ["records": "\(journal?.records.path ?? "")"])
                isRecordsWaiting = false
            }
            recordsWritten(through: through)
            writeRecords(RecordBatch(), through: unwrittenRecordsThrough)
            settleIfDone()
        case .failure(let error):
            var retried = rows
            retried.append(unwrittenRecords)
            unwrittenRecords = retried
            if !isRecordsWaiting {
                logger.error("call records not written: retried every second, no snapshot meanwhile", metadata: ["error": "\(error)"])
                isRecordsWaiting = true
            }
            eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) {
                self.writeRecords(RecordBatch(), through: self.unwrittenRecordsThrough)
            }
        }
    }

    /// The records of every entry through `through` are written: a snapshot waiting for them can go.
    private func recordsWritten(through: Int64) {
        guard let journal, let snapshot = awaitingSnapshot, snapshot.through <= through else { return }
        awaitingSnapshot = nil
        let logger = logger
        let executor = NIOLoopBound(self, eventLoop: eventLoop)
        let loop = eventLoop
        journal.write(snapshot) { result in
            if case .failure(let error) = result {
                logger.error("snapshot not written", metadata: ["error": "\(error)"])
            }
            loop.execute { executor.value.snapshotInFlight = false }
        }
    }

    /// Completes the promise of `journalSettled` once nothing waits for the journal or the records.
    private func settleIfDone() {
        guard !mustHold, unsubmittedRecords.isEmpty, unwrittenRecords.isEmpty, !recordsInFlight, let settled else { return }
        self.settled = nil
        settled.succeed()
    }

    /// Sends the held lines whose entries are now durable, in order.
    private func releaseHeld() {
        while let first = held.first, first.requires <= durableThrough {
            held.removeFirst()
            carryOut(first.item, session: first.session, output: first.output)
        }
    }

    /// Completes once every entry recorded so far is durable and its lines are sent, and the call
    /// records are written, or after `timeout` if they cannot be (what waits then is never
    /// acknowledged; records lost then are written again by the replay at the next start).
    func journalSettled(timeout: TimeAmount = .seconds(5)) -> EventLoopFuture<Void> {
        guard mustHold || !unsubmittedRecords.isEmpty || !unwrittenRecords.isEmpty || recordsInFlight else {
            return eventLoop.makeSucceededVoidFuture()
        }
        submit()
        let promise = eventLoop.makePromise(of: Void.self)
        settled = promise
        eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            guard let settled = self.settled else { return }
            self.settled = nil
            self.logger.error("stopping with journal entries not durable or call records not written", metadata: [
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
        case .pushOutbound(let call): call.id
        case .accept(let call, _), .reject(let call, _), .noAnswer(let call, _), .hangup(let call, _), .abandon(let call),
             .transfer(let call, _), .reprioritize(let call, _), .move(let call, _), .survey(let call, _),
             .consultTransfer(let call, _, _), .acceptConsult(let call, _), .declineConsult(let call, _), .escalate(let call, _),
             .requestCallback(let call, _, _), .dialResult(let call, _):
            call
        case .login, .logout, .forceLogout, .ready, .notReady, .forceNotReady, .wrapUpDone, .beginDay, .reconfigure, .setOpen:
            nil
        }
    }
}
