import ACDCore
@testable import ACDJournal
import Foundation

extension JournalBody {
    /// An entry's body as the journal wrote it in a row of its own (v6, `Format.packedEntry`).
    static func encode(_ entry: JournalEntry) throws -> Data {
        var writer = PackedWriter()
        writer.writeByte(Format.packedEntry.rawValue)
        try entry.pack(into: &writer)
        return Data(writer.bytes)
    }
}
