import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// CPU time read from /proc: per thread of a process (by thread name) and for the whole machine,
/// so that a phase can say how much of the two cores the daemon, the benchmark and everything
/// else took.
struct CPUSample {
    var at: UInt64
    /// Thread id -> (name, user + system ticks).
    var threads: [Int32: (name: String, ticks: UInt64)]
    /// The machine: busy and total ticks over all cores.
    var machineBusy: UInt64
    var machineTotal: UInt64

    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    static func take(pid: Int32?) -> CPUSample {
        var threads: [Int32: (String, UInt64)] = [:]
        if let pid {
            let directory = "/proc/\(pid)/task"
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                guard let tid = Int32(entry),
                      let stat = try? String(contentsOfFile: "\(directory)/\(entry)/stat", encoding: .utf8),
                      let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
                let name = String(stat[stat.index(after: open)..<close])
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                // After the name: state is field 3, utime 14, stime 15.
                guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { continue }
                threads[tid] = (name, user + system)
            }
        }
        var busy: UInt64 = 0
        var total: UInt64 = 0
        if let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
           let first = stat.split(separator: "\n").first {
            let values = first.split(separator: " ").dropFirst().compactMap { UInt64($0) }
            total = values.prefix(8).reduce(0, +)
            let idle = values.count > 4 ? values[3] + values[4] : 0
            busy = total - idle
        }
        return CPUSample(at: monotonicNanos(), threads: threads, machineBusy: busy, machineTotal: total)
    }
}

/// What a phase cost: CPU seconds per thread group of one process, as a share of one core.
struct CPUUsage {
    var wallSeconds: Double
    /// Thread-name group -> percent of one core.
    var groups: [(name: String, percent: Double)]
    var processPercent: Double
    var machinePercent: Double

    /// `before` and `after` must be samples of the same process.
    init(from before: CPUSample, to after: CPUSample) {
        wallSeconds = Double(after.at &- before.at) / 1e9
        var byGroup: [String: UInt64] = [:]
        var threadsInGroup: [String: Int] = [:]
        for (tid, thread) in after.threads {
            let earlier = before.threads[tid]?.ticks ?? 0
            let group = Self.group(of: thread.name)
            byGroup[group, default: 0] += thread.ticks &- min(earlier, thread.ticks)
            threadsInGroup[group, default: 0] += 1
        }
        let perCore = max(wallSeconds, 0.001) * CPUSample.ticksPerSecond / 100
        groups = byGroup.map { ("\($0.key) x\(threadsInGroup[$0.key] ?? 0)", Double($0.value) / perCore) }
            .filter { $0.1 >= 0.5 }.sorted { $0.1 > $1.1 }
        processPercent = Double(byGroup.values.reduce(0, +)) / perCore
        let total = after.machineTotal &- before.machineTotal
        machinePercent = total == 0 ? 0 : Double(after.machineBusy &- before.machineBusy) / Double(total) * 100 * Double(ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Names for the thread groups seen (Linux keeps 15 characters of a thread's name).
    static func group(of name: String) -> String {
        if name.hasPrefix("NIO-") { return "NIO loops" }
        if name.contains("default-qos") || name.contains("qos.overcommit") { return "Swift tasks" }
        return name.replacingOccurrences(of: "[0-9]+", with: "N", options: .regularExpression)
    }

    var summary: String {
        String(format: "%.0f%%", processPercent) + " (" + groups.map { "\($0.name) " + String(format: "%.0f%%", $0.percent) }.joined(separator: ", ") + ")"
    }
}
