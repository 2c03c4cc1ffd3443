#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Erlang A model (M/M/N+M, Palm's model): Erlang C with callers who hang up. Poisson
/// arrivals, exponential handle times, `agents` identical agents, first come first served, and
/// each caller's patience exponential with mean `averagePatience`: a caller still waiting when it
/// runs out abandons. Always stable: impatience keeps the queue finite under any load.
///
/// Computed exactly, up to a truncation of the queue where its probabilities fall below 1e-18 of
/// their peak: the number of calls in the center is a birth-death process whose states up to N
/// follow the Erlang B distribution; above N the ratios lambda / (N mu + j theta) follow. A caller
/// who finds j calls waiting moves up at rate N mu + j theta and gives up at rate theta, which
/// gives its chance of being answered and its mean wait in closed recursions, and its chance of
/// being answered within a threshold by uniformization.
public struct ErlangA: Equatable, Sendable {
    /// Calls per second.
    public let arrivalRate: Double
    /// Mean handle time (talk plus wrap-up), in seconds.
    public let averageHandleTime: Double
    /// Mean patience, in seconds.
    public let averagePatience: Double
    /// Identical agents.
    public let agents: Int
    /// The probability that an arriving call finds a free agent.
    public let probabilityOfImmediateAnswer: Double
    /// `waitingStates[j]`: the probability that an arriving call finds every agent busy and j
    /// calls waiting ahead of it.
    let waitingStates: [Double]
    /// `answerChance[j]`: the chance that a call finding j calls ahead is answered, and
    /// `answeredWait[j]` its mean wait times that chance.
    let answerChance: [Double]
    let answeredWait: [Double]

    /// The most waiting states kept; a queue longer than this (tens of millions of callers of
    /// near-infinite patience) is cut there.
    static let maximumStates = 5_000_000

    /// The model for a rate (calls per second), mean handle time and mean patience (seconds) and
    /// a number of agents (at least 1); its figures are computed here, once.
    public init(arrivalRate: Double, averageHandleTime: Double, averagePatience: Double, agents: Int) {
        precondition(
            arrivalRate >= 0 && averageHandleTime > 0 && averagePatience > 0 && agents >= 1,
            "Erlang A needs a rate, positive handle time and patience, and an agent"
        )
        self.arrivalRate = arrivalRate
        self.averageHandleTime = averageHandleTime
        self.averagePatience = averagePatience
        self.agents = agents
        let load = arrivalRate * averageHandleTime
        let blocking = ErlangC.erlangB(agents: agents, load: load)
        let serviceRate = Double(agents) / averageHandleTime
        let abandonRate = 1 / averagePatience

        // Logarithms of p(N + j) / p(N), until they fall past their peak and far below it.
        var logRatios: [Double] = [0]
        var logRatio = 0.0
        var peak = 0.0
        var j = 1
        while j < Self.maximumStates {
            let step = arrivalRate / (serviceRate + Double(j) * abandonRate)
            guard step > 0 else { break }
            logRatio += log(step)
            peak = max(peak, logRatio)
            if step < 1, logRatio - peak < -42 { break }
            logRatios.append(logRatio)
            j += 1
        }
        // p(N + j) = B r_j P(n <= N), and P(n <= N) (1 + B (sum r_j - 1)) = 1; scaled by e^-peak so
        // that neither the ratios nor their sum overflow.
        let scaled = logRatios.map { exp($0 - peak) }
        let scaledSum = scaled.reduce(0, +)
        let belowPeak = exp(-peak)
        let denominator = belowPeak * (1 - blocking) + blocking * scaledSum
        probabilityOfImmediateAnswer = belowPeak * (1 - blocking) / denominator
        waitingStates = scaled.map { blocking * $0 / denominator }

        var chance: [Double] = []
        var wait: [Double] = []
        var previousChance = 1.0
        var previousWait = 0.0
        for ahead in waitingStates.indices {
            let moveUp = serviceRate + Double(ahead) * abandonRate
            let leave = moveUp + abandonRate
            let stays = moveUp / leave
            previousWait = stays * (previousChance / leave + previousWait)
            previousChance *= stays
            chance.append(previousChance)
            wait.append(previousWait)
        }
        answerChance = chance
        answeredWait = wait
    }

    /// The probability that a call waits at all.
    public var probabilityOfWaiting: Double { 1 - probabilityOfImmediateAnswer }

    /// The share of calls answered.
    public var probabilityOfAnswer: Double {
        probabilityOfImmediateAnswer + zip(waitingStates, answerChance).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The share of calls abandoned.
    public var probabilityOfAbandoning: Double {
        zip(waitingStates, answerChance).reduce(0) { $0 + $1.0 * (1 - $1.1) }
    }

    /// The average wait of the answered calls (those answered at once count as 0), in seconds.
    public var averageSpeedOfAnswer: Double {
        zip(waitingStates, answeredWait).reduce(0) { $0 + $1.0 * $1.1 } / probabilityOfAnswer
    }

    /// The share of the agents' time on calls: the answered load over the agents.
    public var occupancy: Double {
        arrivalRate * probabilityOfAnswer * averageHandleTime / Double(agents)
    }

    /// The share of all calls answered within `threshold` seconds (abandoned calls count against
    /// it, as in the engine's figures).
    ///
    /// By uniformization: the waiting callers' positions form a Markov chain (move up at
    /// N mu + j theta, give up at theta) sampled at the events of a Poisson process of rate
    /// Lambda, its largest total rate; the chance of being answered by t is the Poisson-weighted
    /// sum of the chances of being answered within n steps.
    public func serviceLevel(threshold: Double) -> Double {
        guard threshold > 0 else { return probabilityOfImmediateAnswer }
        let serviceRate = Double(agents) / averageHandleTime
        let abandonRate = 1 / averagePatience
        let states = waitingStates.count
        let uniform = serviceRate + Double(states) * abandonRate
        let mean = uniform * threshold
        let steps = Int(mean + 12 * mean.squareRoot() + 30)
        var mass = waitingStates
        var next = mass
        var answered = 0.0
        var answeredInTime = 0.0
        for step in 0...steps {
            let weight = exp(-mean + Double(step) * log(mean) - lgamma(Double(step) + 1))
            answeredInTime += weight * answered
            answered += mass[0] * serviceRate / uniform
            for ahead in 0..<states {
                let moveUp = serviceRate + Double(ahead) * abandonRate
                let fromBehind = ahead + 1 < states ? mass[ahead + 1] * (serviceRate + Double(ahead + 1) * abandonRate) / uniform : 0
                next[ahead] = mass[ahead] * (1 - (moveUp + abandonRate) / uniform) + fromBehind
            }
            swap(&mass, &next)
        }
        return probabilityOfImmediateAnswer + answeredInTime
    }
}
