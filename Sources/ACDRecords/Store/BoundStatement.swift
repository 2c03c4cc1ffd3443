public import GRDB
import GRDBSQLite

/// A cached statement run with its values bound and stepped through SQLite's own calls: GRDB's
/// argument arrays (a boxed value per column, checked and converted) cost more than the insert
/// itself, for each of the rows of every call and for every journal entry. Values are bound in
/// place, in the order of the statement's parameters, with no array in between.
public struct BoundStatement {
    private let handle: OpaquePointer
    private let db: Database

    public init(_ db: Database, sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// Runs the statement once, with the values `bind` gives its parameters, in order.
    public func run(_ bind: (inout Parameters) -> Void) throws {
        sqlite3_reset(handle)
        var parameters = Parameters(handle: handle)
        bind(&parameters)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_reset(handle)
    }

    /// The parameters of one run, bound one after the other: every column acdd writes is an
    /// integer, text, bytes or null (nil).
    public struct Parameters {
        private let handle: OpaquePointer
        private var position: Int32 = 0

        fileprivate init(handle: OpaquePointer) {
            self.handle = handle
        }

        public mutating func add(_ value: Int64) {
            position += 1
            sqlite3_bind_int64(handle, position, value)
        }

        public mutating func add(_ value: Int) {
            add(Int64(value))
        }

        public mutating func add(_ value: String) {
            position += 1
            // SQLite copies the text before the call returns (SQLITE_TRANSIENT).
            sqlite3_bind_text(handle, position, value, -1, transient)
        }

        public mutating func add(_ value: [UInt8]) {
            position += 1
            let position = position
            value.withUnsafeBytes { _ = sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), transient) }
        }

        public mutating func add(_ value: Int64?) {
            guard let value else { return addNull() }
            add(value)
        }

        public mutating func add(_ value: Int?) {
            guard let value else { return addNull() }
            add(Int64(value))
        }

        public mutating func add(_ value: String?) {
            guard let value else { return addNull() }
            add(value)
        }

        private mutating func addNull() {
            position += 1
            sqlite3_bind_null(handle, position)
        }
    }
}

/// SQLite copies the text or bytes before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
