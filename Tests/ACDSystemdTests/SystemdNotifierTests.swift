import ACDSystemd
import Foundation
import Testing

/// The notifier and the heartbeat against a datagram socket given as NOTIFY_SOCKET. The
/// variables are the process's own, so these tests run one at a time and leave none set.
@Suite(.serialized) struct SystemdNotifierTests {
    /// Runs `body` with NOTIFY_SOCKET (and the watchdog variables, when given) set, then unsets them.
    func withEnvironment(notify: String?, watchdogMicroseconds: String? = nil, watchdogPID: Int32 = getpid(),
                         _ body: () throws -> Void) throws {
        if let notify { setenv("NOTIFY_SOCKET", notify, 1) }
        if let watchdogMicroseconds {
            setenv("WATCHDOG_USEC", watchdogMicroseconds, 1)
            setenv("WATCHDOG_PID", "\(watchdogPID)", 1)
        }
        defer {
            unsetenv("NOTIFY_SOCKET")
            unsetenv("WATCHDOG_USEC")
            unsetenv("WATCHDOG_PID")
        }
        try body()
    }

    @Test func readyStatusStoppingAndWatchdogMessages() throws {
        let receiver = try NotifyReceiver()
        try withEnvironment(notify: receiver.path) {
            let notifier = try SystemdNotifier()
            #expect(notifier.isActive)
            #expect(try notifier.ready(status: "listening on /run/acdd/acdd.sock"))
            try notifier.status("12 waiting (longest 0:41), 18/25 agents ready, SL 87% today")
            try notifier.watchdog()
            try notifier.stopping()
        }
        #expect(receiver.received() == [
            "READY=1\nSTATUS=listening on /run/acdd/acdd.sock",
            "STATUS=12 waiting (longest 0:41), 18/25 agents ready, SL 87% today",
            "WATCHDOG=1",
            "STOPPING=1",
        ])
    }

    @Test func reloadingCarriesTheMonotonicTimeItBegan() throws {
        let receiver = try NotifyReceiver()
        var before = timespec()
        var after = timespec()
        try withEnvironment(notify: receiver.path) {
            let notifier = try SystemdNotifier()
            clock_gettime(CLOCK_MONOTONIC, &before)
            try notifier.reloading(status: "reloading /etc/acdd/acdd.yaml")
            clock_gettime(CLOCK_MONOTONIC, &after)
            try notifier.ready()
        }
        let messages = receiver.received()
        try #require(messages.count == 2)
        let lines = messages[0].split(separator: "\n").map(String.init)
        #expect(lines.first == "RELOADING=1")
        #expect(lines.last == "STATUS=reloading /etc/acdd/acdd.yaml")
        let stamp = try #require(lines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        let microseconds = { (time: timespec) in UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1_000 }
        #expect((microseconds(before)...microseconds(after)).contains(stamp))
        #expect(messages[1] == "READY=1")
    }

    @Test func aStatusIsOneLine() throws {
        let receiver = try NotifyReceiver()
        try withEnvironment(notify: receiver.path) {
            try SystemdNotifier().status("two\nlines\tand\u{0}a nul")
        }
        #expect(receiver.received() == ["STATUS=two lines and a nul"])
    }

    @Test func withoutAServiceManagerNothingIsSent() throws {
        try withEnvironment(notify: nil) {
            let notifier = try SystemdNotifier()
            #expect(!notifier.isActive)
            #expect(notifier.watchdogInterval == nil)
            let delivered = try notifier.ready()
            #expect(!delivered)
        }
    }

    @Test func anUnreachableNotifySocketIsAnError() throws {
        try withEnvironment(notify: "/nonexistent/notify.sock") {
            #expect(throws: SystemdError.notify(message: "READY=1", errno: ENOENT)) {
                try SystemdNotifier().ready()
            }
        }
    }

    @Test func theWatchdogInterval() throws {
        try withEnvironment(notify: nil, watchdogMicroseconds: "30000000") {
            let notifier = try SystemdNotifier()
            #expect(notifier.watchdogInterval == .seconds(30))
        }
        try withEnvironment(notify: nil, watchdogMicroseconds: "30000000", watchdogPID: getpid() + 1) {
            let notifier = try SystemdNotifier()
            #expect(notifier.watchdogInterval == nil, "meant for another process")
        }
        try withEnvironment(notify: nil, watchdogMicroseconds: "soon") {
            #expect(throws: SystemdError.watchdog(errno: EINVAL)) { try SystemdNotifier() }
        }
    }

    // MARK: Heartbeat

    let busy = StatusLine(waiting: 2, longestWait: .seconds(5), readyAgents: 1, loggedInAgents: 3, answeredInTimeToday: 4, answeredOrAbandonedToday: 5)

    /// Beats every `every` for `span` (the status changing at each beat when `changing`) and
    /// returns the messages sent, each with the beat's offset from the start.
    func beats(watchdog: String?, every: Duration, for span: Duration, changing: Bool = false,
               jitter: (Int) -> Duration = { _ in .zero }) throws -> (heartbeat: ServiceHeartbeat, sent: [(at: Duration, message: String)]) {
        let receiver = try NotifyReceiver()
        var heartbeat: ServiceHeartbeat?
        var sent: [(at: Duration, message: String)] = []
        try withEnvironment(notify: receiver.path, watchdogMicroseconds: watchdog) {
            var beating = ServiceHeartbeat(notifier: try SystemdNotifier())
            let start = ContinuousClock.now
            var offset = Duration.zero
            var beat = 0
            while offset < span {
                var status = busy
                if changing { status.longestWait = offset }
                let at = offset + jitter(beat)
                try beating.beat(status, at: start + at)
                sent += receiver.received().map { (at, $0) }
                offset += every
                beat += 1
            }
            heartbeat = beating
        }
        return (try #require(heartbeat), sent)
    }

    func count(_ assignment: String, in sent: [(at: Duration, message: String)]) -> [Duration] {
        sent.filter { $0.message.split(separator: "\n").contains { $0.hasPrefix(assignment) } }.map(\.at)
    }

    @Test func keepAlivesAtHalfTheWatchdogInterval() throws {
        let (heartbeat, sent) = try beats(watchdog: "30000000", every: .seconds(1), for: .seconds(60))
        #expect(heartbeat.beatInterval == .seconds(1))
        #expect(heartbeat.keepAliveInterval == .seconds(15))
        #expect(count("WATCHDOG=1", in: sent) == [.zero, .seconds(15), .seconds(30), .seconds(45)])
    }

    @Test func aShortWatchdogBeatsFasterThanTheStatus() throws {
        let (heartbeat, sent) = try beats(watchdog: "1000000", every: .milliseconds(500), for: .seconds(3),
                                          jitter: { $0 % 2 == 0 ? .milliseconds(40) : .zero })
        #expect(heartbeat.beatInterval == .milliseconds(500))
        // A beat up to a quarter interval late or early still sends its keep-alive.
        #expect(count("WATCHDOG=1", in: sent).count == 6)
    }

    @Test func theStatusAtMostOnceASecondAndOnlyWhenItChanged() throws {
        let (_, changing) = try beats(watchdog: nil, every: .milliseconds(250), for: .seconds(3), changing: true)
        #expect(count("STATUS=", in: changing) == [.zero, .seconds(1), .seconds(2)])
        #expect(count("WATCHDOG=1", in: changing).isEmpty)
        let (_, steady) = try beats(watchdog: nil, every: .seconds(1), for: .seconds(5))
        #expect(steady.map(\.message) == ["STATUS=2 waiting (longest 0:05), 1/3 agents ready, SL 80% today"])
    }

    @Test func keepAliveAndStatusGoTogether() throws {
        let (_, sent) = try beats(watchdog: "2000000", every: .seconds(1), for: .seconds(1))
        #expect(sent.map(\.message) == ["WATCHDOG=1\nSTATUS=2 waiting (longest 0:05), 1/3 agents ready, SL 80% today"])
    }
}
