import Foundation

/// Command-line options of `EndToEnd run`.
struct Options {
    var socket = ""
    var echoSocket: String?
    var daemonPID: Int32?
    var agents = 1000
    var rates: [Double] = [1000]
    var warmUp = 5.0
    var duration = 30.0
    var holdMs: ClosedRange<Int64> = 50...500
    var floodSeconds = 10
    var window = 64
    var floorCount = 20000
    var results: String?
    var series = false

    static let usage = """
        usage: EndToEnd run --socket PATH [options]     (drive a running acdd)
               EndToEnd echo-server PATH                (the floor's echo server)

        --socket PATH          acdd's socket; the daemon has queue q and agents a0001... with skill q
        --echo-socket PATH     an echo server's socket: measure the floor first
        --daemon-pid PID       read the daemon's CPU time per thread from /proc
        --agents N             agent connections (default 1000)
        --rate R[,R...]        calls per second of the latency runs (default 1000)
        --warm-up S            seconds at each rate before measuring (default 5)
        --duration S           seconds measured at each rate (default 30)
        --hold MIN-MAX         milliseconds from call.connected to the adapter's hangup (default 50-500)
        --flood-seconds S      seconds of the adapter throughput run; 0 skips it (default 10)
        --window N             adapter requests in flight during the throughput run (default 64)
        --floor-count N        round trips measured for the floor (default 20000)
        --results FILE         also write the results table there
        --series               print every second's latency percentiles
        """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let value = rest.popFirst() else { throw BenchmarkError.setup("\(name) needs a value\n\(Self.usage)") }
            return value
        }
        func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
            let text = try value(name)
            guard let number = T(text) else { throw BenchmarkError.setup("\(name): '\(text)' is not a number") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--socket": socket = try value(argument)
            case "--echo-socket": echoSocket = try value(argument)
            case "--daemon-pid": daemonPID = try number(argument)
            case "--agents": agents = try number(argument)
            case "--rate":
                let text = try value(argument)
                rates = try text.split(separator: ",").map {
                    guard let rate = Double($0), rate > 0 else { throw BenchmarkError.setup("--rate: '\(text)'") }
                    return rate
                }
            case "--warm-up": warmUp = try number(argument)
            case "--duration": duration = try number(argument)
            case "--hold":
                let text = try value(argument)
                let parts = text.split(separator: "-").compactMap { Int64($0) }
                guard parts.count == 2, parts[0] >= 0, parts[0] <= parts[1] else { throw BenchmarkError.setup("--hold: '\(text)'") }
                holdMs = parts[0]...parts[1]
            case "--flood-seconds": floodSeconds = try number(argument)
            case "--window": window = try number(argument)
            case "--floor-count": floorCount = try number(argument)
            case "--results": results = try value(argument)
            case "--series": series = true
            case "--help", "-h":
                print(Self.usage)
                exit(0)
            default: throw BenchmarkError.setup("unknown option '\(argument)'\n\(Self.usage)")
            }
        }
        guard !socket.isEmpty else { throw BenchmarkError.setup("--socket is required\n\(Self.usage)") }
        guard agents > 0, agents <= 9999 else { throw BenchmarkError.setup("--agents: 1 to 9999") }
        guard window > 0 else { throw BenchmarkError.setup("--window: at least 1") }
    }

    /// Agent ids as the run script writes them into the configuration: a0001, a0002...
    static func agentID(_ index: Int) -> String {
        let digits = String(index + 1)
        return "a" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
