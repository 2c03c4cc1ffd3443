import ACDJournal
import ACDRecords
import Foundation
import GRDB

/// The daemon's database, opened read-only for reports.
enum ReportDatabase {
    /// Runs `body` in a read transaction on `directory`'s records.sqlite.
    static func read<T>(directory: String, _ body: (Database) throws -> T) throws -> T {
        let path = (directory as NSString).appendingPathComponent(RecordDatabase.fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReportFailure(message: "no records at \(path): this version of acdd has not run with this state directory")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "acdctl.report"
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            return try database.read { db in
                guard try RecordReports.hasRecords(db) else {
                    throw ReportFailure(message: "\(path) holds no call records yet: the acdd that wrote it does not record calls")
                }
                return try body(db)
            }
        } catch let error as DatabaseError {
            throw ReportFailure(message: "cannot read \(path): \(error.message ?? "\(error.resultCode)")")
        }
    }
}
