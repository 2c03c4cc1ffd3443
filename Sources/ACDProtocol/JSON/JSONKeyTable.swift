/// The keys a type reads, by their UTF-8 bytes: finds the field a key names without making a
/// `String` of it. The fields' raw values are their keys on the wire.
struct JSONKeyTable<Field: CaseIterable & RawRepresentable & Sendable>: Sendable where Field.RawValue == String {
    /// One key as read: a field of the table (with its position in `Field.allCases`, under 64),
    /// or any other key.
    enum Key {
        case field(Field, index: Int)
        case other(String)
    }

    private let fields: [Field]
    private let names: [[UInt8]]
    /// For each key length, the positions of the fields with a key that long.
    private let positionsByLength: [[Int]]

    init() {
        fields = Array(Field.allCases)
        precondition(fields.count <= 64, "a key table holds at most 64 fields")
        names = fields.map { Array($0.rawValue.utf8) }
        var positions: [[Int]] = Array(repeating: [], count: (names.map(\.count).max() ?? 0) + 1)
        for (position, name) in names.enumerated() {
            positions[name.count].append(position)
        }
        positionsByLength = positions
    }

    /// The key these bytes spell.
    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        if bytes.count < positionsByLength.count {
            for position in positionsByLength[bytes.count] where names[position].elementsEqual(bytes) {
                return .field(fields[position], index: position)
            }
        }
        return .other(String(decoding: bytes, as: UTF8.self))
    }
}
