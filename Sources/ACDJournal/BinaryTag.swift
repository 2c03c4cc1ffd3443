/// The first byte of every value in the journal's binary encoding (see `BinaryEncoder`).
///
/// A value is its tag and then its payload: nothing for `null`, `false` and `true`; a LEB128
/// varint for `unsigned` and a zigzag LEB128 varint for `signed`; 8 or 4 little-endian bytes for
/// `double` and `float`; a varint length and UTF-8 for `string`. A `keyed` container is a run of
/// entries, each a varint key number (1-based into the key table) and a value, closed by key 0; an
/// `unkeyed` container is a run of values closed by the byte 0 where a tag would be (`end`). A
/// `packed` value is a varint length and that many bytes of a `PackedBlock`'s packed form.
enum BinaryTag: UInt8 {
    case end = 0
    case null = 1
    case `false` = 2
    case `true` = 3
    case unsigned = 4
    case signed = 5
    case double = 6
    case float = 7
    case string = 8
    case keyed = 9
    case unkeyed = 10
    case packed = 11
}
