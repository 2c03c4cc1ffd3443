import CSQLiteTuning

/// SQLite settings of the whole process, made before its first connection opens.
public enum SQLiteTuning {
    /// Whether SQLite's memory statistics are off. With them on (Debian's build), every allocation
    /// and free inside SQLite takes a mutex that every connection shares: under an adapter's flood
    /// the journal's writer (the event loop) and the call records' writer waited on each other:
    /// the loop made about 21,800 `futex` calls a second, 4,200 with the statistics off (counted
    /// with perf). It can only be set before SQLite is first used; false when something opened a
    /// database earlier.
    public static let memoryStatisticsOff: Bool = acdd_sqlite_disable_memory_statistics() == SQLITE_OK
}
