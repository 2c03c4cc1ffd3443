import ACDCore
import Foundation

/// The engine's time source in the shell: the real-time clock in milliseconds.
enum WallClock {
    static func now() -> Instant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Instant(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
