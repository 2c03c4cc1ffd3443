/// Time-weighted measurements: agents' working and idle time, and the calls waiting.
extension SimulationRun {
    /// Counts the agent's time since its last change, within the measured window, for what it was
    /// doing: idle time is shared equally among the queues it serves, working time goes to the
    /// queue of its call.
    mutating func account(_ agent: Int, upTo now: Int64) {
        let from = max(agents[agent].since, measuredFrom)
        let elapsed = Double(max(0, min(now, end) - from))
        agents[agent].since = now
        guard elapsed > 0 else { return }
        switch agents[agent].activity {
        case .away:
            break
        case .idle:
            let queues = agents[agent].queues
            for queue in queues {
                queueIdle[queue] += elapsed / Double(queues.count)
            }
        case .working(let queue):
            queueWork[queue] += elapsed
        }
    }

    /// The stream's count of waiting calls changes at `now`; the level it held until then is added
    /// to the time series.
    mutating func changeWaiting(stream: Int, by change: Int, at now: Int64) {
        var from = streams[stream].waitingSince
        let level = streams[stream].waiting
        if level > 0 {
            while from < now {
                let bucket = bucket(from)
                let bucketEnd = min(Int64(bucket + 1) * seriesLength, now)
                streams[stream].series[bucket].waitingCallMilliseconds += Int64(level) * (bucketEnd - from)
                streams[stream].series[bucket].mostWaiting = max(streams[stream].series[bucket].mostWaiting, level)
                from = bucketEnd
            }
        }
        streams[stream].waiting = level + change
        streams[stream].waitingSince = now
    }

    /// Closes the books at the end of the run: agents' time, the calls still waiting.
    mutating func finish() -> ReplicationResult {
        for agent in agents.indices {
            account(agent, upTo: end)
        }
        for stream in streams.indices {
            changeWaiting(stream: stream, by: 0, at: end)
        }
        for call in callNumbers.values where calls[call].isMeasured && !calls[call].isConnected {
            noteWait(end - calls[call].arrival, stream: calls[call].stream)
        }
        for stream in streams.indices {
            let queue = streamQueues[stream]
            let total = queueWork[queue] + queueIdle[queue]
            streams[stream].figures.occupancy = total > 0 ? queueWork[queue] / total : nil
        }
        let work = queueWork.reduce(0, +)
        let idle = queueIdle.reduce(0, +)
        return ReplicationResult(
            streams: streams.map(\.figures),
            series: streams.map(\.series),
            occupancy: work + idle > 0 ? work / (work + idle) : nil,
            callsSimulated: calls.count
        )
    }
}
