import ACDCore
import ACDSimulation
import Foundation

/// The simulator's and the forecast's results as one JSON object for scripts: snake_case keys,
/// sorted; durations in seconds, shares as fractions (0-1), estimates as `{mean, half_width}`.
enum SimulationJSON {
    struct EstimateValue: Encodable {
        var mean: Double
        /// The half-width of the 95% confidence interval; absent with one replication.
        var halfWidth: Double?

        init?(_ estimate: Estimate?) {
            guard let estimate else { return nil }
            mean = estimate.mean
            halfWidth = estimate.halfWidth
        }
    }

    struct Bucket: Encodable {
        var startSeconds: Double
        var offered: Double
        var serviceLevel: Double?
        var averageWaiting: Double
        var mostWaiting: Int
    }

    struct Stream: Encodable {
        var name: String
        var queue: String
        var serviceLevelThresholdSeconds: Double
        var offered, answered, abandoned, leftByRules: EstimateValue?
        var serviceLevel, abandonRate, averageSpeedOfAnswerSeconds, averageHandleTimeSeconds, occupancy: EstimateValue?
        var longestWaitSeconds: EstimateValue?
        var series: [Bucket]?

        init(_ stream: StreamSummary, withSeries: Bool) {
            name = stream.name
            queue = stream.queue.rawValue
            serviceLevelThresholdSeconds = seconds(stream.serviceLevelThreshold)
            offered = EstimateValue(stream.offered)
            answered = EstimateValue(stream.answered)
            abandoned = EstimateValue(stream.abandoned)
            leftByRules = EstimateValue(stream.leftByRules)
            serviceLevel = EstimateValue(stream.serviceLevel)
            abandonRate = EstimateValue(stream.abandonRate)
            averageSpeedOfAnswerSeconds = EstimateValue(stream.averageSpeedOfAnswer)
            averageHandleTimeSeconds = EstimateValue(stream.averageHandleTime)
            occupancy = EstimateValue(stream.occupancy)
            longestWaitSeconds = EstimateValue(stream.longestWait)
            series = withSeries ? stream.series.map { bucket in
                Bucket(
                    startSeconds: Double(bucket.startMilliseconds) / 1000, offered: bucket.offered, serviceLevel: bucket.serviceLevel,
                    averageWaiting: bucket.averageWaiting, mostWaiting: bucket.mostWaiting
                )
            } : nil
        }
    }

    struct Simulation: Encodable {
        var replications: Int
        var seed: UInt64
        var durationSeconds: Double
        var warmUpSeconds: Double
        var callsSimulated: Int
        var occupancy: EstimateValue?
        var streams: [Stream]
    }

    struct Model: Encodable {
        var serviceLevel, abandonRate, occupancy, averageSpeedOfAnswerSeconds: Double
    }

    struct Interval: Encodable {
        var startSeconds: Double
        var callsPerHour: [Double]
        var load: Double
        var agents: Int
        var model: Model?
        var simulated: [Stream]?
        var simulatedOccupancy: EstimateValue?
        var simulationMeetsTarget: Bool?
    }

    struct Forecast: Encodable {
        var method: String
        var inexactBecause: [String]
        var notes: [String]
        var targetServiceLevel: Double
        var maxOccupancy: Double
        var intervalSeconds: Double
        var agentHours: Double
        var intervals: [Interval]
    }

    static func simulation(_ summary: SimulationSummary, plan: SimulationPlan, seed: UInt64) throws -> String {
        try encode(Simulation(
            replications: summary.replications.count, seed: seed, durationSeconds: seconds(plan.duration - plan.warmUp),
            warmUpSeconds: seconds(plan.warmUp), callsSimulated: summary.callsSimulated,
            occupancy: EstimateValue(summary.occupancy), streams: summary.streams.map { Stream($0, withSeries: true) }
        ))
    }

    static func forecast(_ forecast: StaffingForecast, request: ForecastRequest) throws -> String {
        try encode(Forecast(
            method: forecast.method.rawValue, inexactBecause: forecast.inexactBecause, notes: forecast.notes,
            targetServiceLevel: request.target.serviceLevel, maxOccupancy: request.target.maxOccupancy,
            intervalSeconds: seconds(forecast.interval), agentHours: forecast.agentHours,
            intervals: forecast.intervals.map { interval in
                Interval(
                    startSeconds: seconds(interval.start), callsPerHour: interval.callsPerHour, load: interval.load,
                    agents: interval.agents,
                    model: interval.model.map {
                        Model(
                            serviceLevel: $0.serviceLevel, abandonRate: $0.abandonRate, occupancy: $0.occupancy,
                            averageSpeedOfAnswerSeconds: $0.averageSpeedOfAnswer
                        )
                    },
                    simulated: interval.simulated?.map { Stream($0, withSeries: false) },
                    simulatedOccupancy: EstimateValue(interval.simulatedOccupancy),
                    simulationMeetsTarget: interval.simulationMeetsTarget
                )
            }
        ))
    }

    private static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.milliseconds) / 1000
}
