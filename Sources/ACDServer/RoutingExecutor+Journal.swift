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
/// while the next batch gathers. Call records are made and written by the `CallRecorder`, away
/// from the loop, from the steps it is handed every `handOverInterval`.
extension RoutingExecutor {
    /// Records a command the engine just carried out at `engine.now`; its `effects` go to the call
    /// records once the entry is durable.
    func record(_ command: Command, owner: String?, effects: [Effect]) {
        guard journal != nil else { return }
        unsubmitted.append(JournalEntry(sequence: nextSequence, at: engine.now, command: command, owner: owner))
        nextSequence += 1
        unsubmittedSteps.append(RecordStep(instant: engine.now, command: command, effects: effects))
        scheduleSubmission()
    }

    /// Deadlines the engine carried out (time passing makes records without any entry).
    func keep(_ steps: [RecordStep]) {
        guard journal != nil, !steps.isEmpty else { return }
        unsubmittedSteps += steps
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

    /// Hands the gathered entries to the journal, and takes a snapshot when one is due (the
    /// recorder writes it once the records of everything it includes are).
    func submit() {
        submissionScheduled = false
        guard let journal, recorder != nil, !commitInFlight, !unsubmitted.isEmpty || !unsubmittedSteps.isEmpty else { return }
        let steps = unsubmittedSteps
        unsubmittedSteps.removeAll(keepingCapacity: true)
        guard !unsubmitted.isEmpty else {
            // Deadlines alone: what they follow is durable already.
            handOver(steps)
            return
        }
        let batch = unsubmitted
        unsubmitted.removeAll(keepingCapacity: true)
        commitInFlight = true
        let through = batch.last?.sequence ?? durableThrough
        entriesSinceSnapshot += batch.count
        // One snapshot at a time: a large engine takes longer to encode than entries take to
        // come, and a backlog of snapshots would only grow.
        let snapshotDue = entriesSinceSnapshot >= snapshotEvery && !snapshotInFlight
        if snapshotDue {
            entriesSinceSnapshot = 0
            snapshotInFlight = true
        }
        let snapshot = snapshotDue
            ? JournalSnapshot(through: through, configuration: center, engine: engine, callOwners: callOwners) : nil
        switch journal.durability {
        case .process:
            let result = Result { () throws(JournalError) in try journal.appendNow(batch) }
            committed(batch, steps: steps, snapshot: snapshot, through: through, result: result)
        case .power:
            // The executor lives on its loop; the journal's completion runs on the journal's queue.
            let executor = NIOLoopBound(self, eventLoop: eventLoop)
            let loop = eventLoop
            journal.append(batch) { result in
                loop.execute {
                    executor.value.committed(batch, steps: steps, snapshot: snapshot, through: through, result: result)
                }
            }
        }
    }

    private func committed(
        _ batch: [JournalEntry], steps: [RecordStep], snapshot: JournalSnapshot?, through: Int64, result: Result<Void, JournalError>
    ) {
        commitInFlight = false
        switch result {
        case .success:
            if isStorageWaiting {
                logger.notice("journal writes work again", metadata: ["journal": "\(journal?.path ?? "")"])
                isStorageWaiting = false
            }
            durableThrough = through
            releaseHeld()
            if let snapshot {
                // The snapshot follows every step it includes: those gathered go with it.
                durableSteps += steps
                handOverGathered(then: snapshot)
            } else {
                handOver(steps)
            }
            submit()
            settleIfDone()
        case .failure(let error):
            // Nothing of the batch is acknowledged: it goes back first in line and is tried again,
            // and a snapshot taken with it is taken again with the retry.
            unsubmitted.insert(contentsOf: batch, at: 0)
            unsubmittedSteps.insert(contentsOf: steps, at: 0)
            if snapshot != nil {
                snapshotInFlight = false
                entriesSinceSnapshot = snapshotEvery
            }
            if !isStorageWaiting {
                logger.error("journal write failed: new calls are refused until it works again", metadata: ["error": "\(error)"])
                isStorageWaiting = true
            }
            eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { self.submit() }
        }
    }

    /// How long durable steps gather before the recorder gets them, at most: handing them over
    /// wakes its thread, which at a low rate (a commit or two per call) cost the loop a futex wake
    /// per commit (7% of its samples at 1,000 calls/s) and preempted it on its core. The recorder
    /// writes at most every 100 ms anyway.
    static let handOverInterval = TimeAmount.milliseconds(20)
    /// Steps handed over at once however little time has passed: the most that gather.
    static let handOverLimit = 4096

    /// Gives the recorder `steps` (their entries are durable), with those gathered before them,
    /// within `handOverInterval`.
    private func handOver(_ steps: [RecordStep]) {
        durableSteps += steps
        if durableSteps.count >= Self.handOverLimit {
            handOverGathered()
        } else if !handOverScheduled, !durableSteps.isEmpty {
            handOverScheduled = true
            eventLoop.assumeIsolated().scheduleTask(in: Self.handOverInterval) {
                self.handOverScheduled = false
                self.handOverGathered()
            }
        }
    }

    /// Gives the recorder the steps gathered, and `snapshot` after them if given.
    private func handOverGathered(then snapshot: JournalSnapshot? = nil) {
        if let snapshot {
            let executor = NIOLoopBound(self, eventLoop: eventLoop)
            let loop = eventLoop
            recorder?.take(durableSteps, then: snapshot) {
                loop.execute { executor.value.snapshotInFlight = false }
            }
        } else if !durableSteps.isEmpty {
            recorder?.take(durableSteps)
        }
        durableSteps.removeAll(keepingCapacity: true)
    }

    /// Completes the promise of `journalSettled` once nothing waits for the journal and the
    /// recorder has written what it was given.
    private func settleIfDone() {
        guard !mustHold, unsubmittedSteps.isEmpty, let settled, !isFlushingRecords, let recorder else { return }
        handOverGathered()
        isFlushingRecords = true
        let executor = NIOLoopBound(self, eventLoop: eventLoop)
        let loop = eventLoop
        recorder.flush {
            loop.execute {
                let executor = executor.value
                executor.isFlushingRecords = false
                guard executor.settled?.futureResult === settled.futureResult else { return }
                executor.settled = nil
                settled.succeed()
            }
        }
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
        guard journal != nil else { return eventLoop.makeSucceededVoidFuture() }
        let promise = eventLoop.makePromise(of: Void.self)
        settled = promise
        submit()
        settleIfDone()
        eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            guard let settled = self.settled, settled.futureResult === promise.futureResult else { return }
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
