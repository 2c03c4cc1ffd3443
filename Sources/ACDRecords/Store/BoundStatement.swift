public import Foundation
public import GRDB
import GRDBSQLite

/// A cached statement run with its values bound and stepped through SQLite's own calls: GRDB's
/// argument arrays (a boxed value per column, checked and converted) cost more than the insert
/// itself, for each of the ten or so rows of every call and for every journal entry.
public struct BoundStatement {
    /// A column's value: every column acdd writes is an integer, text, bytes, or null.
    public enum Value {
        case integer(Int64)
        case text(String)
        case blob(Data)
        case null

        static func int(_ value: Int64?) -> Value { value.map { .integer($0) } ?? .null }
        static func int(_ value: Int?) -> Value { value.map { .integer(Int64($0)) } ?? .null }
        static func string(_ value: String?) -> Value { value.map { .text($0) } ?? .null }
    }

    private let handle: OpaquePointer
    private let db: Database

    public init(_ db: Database, sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// Runs the statement once with `values` for its parameters, in order.
    public func run(_ values: [Value]) throws {
        sqlite3_reset(handle)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(handle, position, number)
            case .text(let text): sqlite3_bind_text(handle, position, text, -1, Self.transient)
            case .blob(let bytes):
                bytes.withUnsafeBytes { _ = sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), Self.transient) }
            case .null: sqlite3_bind_null(handle, position)
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_reset(handle)
    }

    /// SQLite copies the text or bytes before the call returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
