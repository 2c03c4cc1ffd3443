import ACDCore
@testable import ACDJournal
import Foundation

extension JournalBody {
    /// An entry's body as the journal writes it (`write(_:into:)`), on its own.
    static func encode(_ entry: JournalEntry) throws -> Data {
        var writer = PackedWriter()
        try write(entry, into: &writer)
        return Data(writer.bytes)
    }
}
