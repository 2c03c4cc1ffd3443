/// Typed values for the fields of the protocol's types. Each reads one member's value, `null`
/// being absent (nil). A value of the wrong kind or out of range throws a `JSONDecodingError`
/// whose path is the field's key, after reading the whole value, so the caller may go on with the
/// next member; `.malformed` means the line is not JSON and nothing more can be read.
extension JSONReader {
    /// A string.
    mutating func decodeString(_ key: String) throws(JSONDecodingError) -> String? {
        switch try peekKind() {
        case .string: return try readString()
        case .null: return try skipNull()
        case .object, .array, .number, .bool: throw try wrongType(key)
        }
    }

    /// An integer of type `T`, exactly.
    mutating func decodeInteger<T: FixedWidthInteger>(_ key: String) throws(JSONDecodingError) -> T? {
        switch try peekKind() {
        case .number:
            do {
                return try readNumber().integer(as: T.self)
            } catch {
                throw error.inside(key)
            }
        case .null: return try skipNull()
        case .object, .array, .string, .bool: throw try wrongType(key)
        }
    }

    /// A double: any finite number.
    mutating func decodeDouble(_ key: String) throws(JSONDecodingError) -> Double? {
        switch try peekKind() {
        case .number:
            do {
                return try readNumber().double()
            } catch {
                throw error.inside(key)
            }
        case .null: return try skipNull()
        case .object, .array, .string, .bool: throw try wrongType(key)
        }
    }

    /// `true` or `false`.
    mutating func decodeBool(_ key: String) throws(JSONDecodingError) -> Bool? {
        switch try peekKind() {
        case .bool: return try readBool()
        case .null: return try skipNull()
        case .object, .array, .string, .number: throw try wrongType(key)
        }
    }

    /// A string that must be one of `Value`'s raw values (`unknownValue` otherwise).
    mutating func decodeEnum<Value: RawRepresentable>(_ key: String) throws(JSONDecodingError) -> Value?
        where Value.RawValue == String {
        guard let name = try decodeString(key) else { return nil }
        guard let value = Value(rawValue: name) else { throw JSONDecodingError(.unknownValue, path: [key]) }
        return value
    }

    /// A request id: an integer or a string (a number that is no 64-bit integer has the wrong type).
    mutating func decodeRequestID(_ key: String) throws(JSONDecodingError) -> RequestID? {
        switch try peekKind() {
        case .number:
            let number = try readNumber()
            guard let value = try? number.integer(as: Int64.self) else {
                throw JSONDecodingError(.wrongType, path: [key])
            }
            return .number(value)
        case .string: return .string(try readString())
        case .null: return try skipNull()
        case .object, .array, .bool: throw try wrongType(key)
        }
    }

    /// An array of strings. An element of the wrong kind fails it, once the whole array is read.
    mutating func decodeStrings(_ key: String) throws(JSONDecodingError) -> [String]? {
        switch try peekKind() {
        case .array:
            var strings: [String] = []
            var failure: JSONDecodingError?
            var index = 0
            var more = try beginArray()
            while more {
                if try peekKind() == .string {
                    strings.append(try readString())
                } else {
                    try skipValue()
                    failure = failure ?? JSONDecodingError(.wrongType, path: [key, String(index)])
                }
                index += 1
                more = try endElement()
            }
            if let failure { throw failure }
            return strings
        case .null: return try skipNull()
        case .object, .string, .number, .bool: throw try wrongType(key)
        }
    }

    /// An object of string values. A value of the wrong kind, or a key that appears twice, fails
    /// it (the first of these in the object), once the whole object is read.
    mutating func decodeStringMap(_ key: String) throws(JSONDecodingError) -> [String: String]? {
        switch try peekKind() {
        case .object:
            var map: [String: String] = [:]
            var failure: JSONDecodingError?
            var more = try beginObject()
            while more {
                let name = try readKey()
                if failure != nil {
                    try skipValue()
                } else if map[name] != nil {
                    try skipValue()
                    failure = JSONDecodingError(.duplicate, path: [key, name])
                } else if try peekKind() == .string {
                    map[name] = try readString()
                } else {
                    try skipValue()
                    failure = JSONDecodingError(.wrongType, path: [key, name])
                }
                more = try endMember()
            }
            if let failure { throw failure }
            return map
        case .null: return try skipNull()
        case .array, .string, .number, .bool: throw try wrongType(key)
        }
    }

    /// An object, read by `read`. Unlike the values above, a problem inside leaves the reader in
    /// the middle of the object: only for lines that fail as a whole.
    mutating func decodeObject<Value>(
        _ key: String, _ read: (inout JSONReader) throws(JSONDecodingError) -> Value
    ) throws(JSONDecodingError) -> Value? {
        switch try peekKind() {
        case .object:
            do {
                return try read(&self)
            } catch {
                throw error.inside(key)
            }
        case .null: return try skipNull()
        case .array, .string, .number, .bool: throw try wrongType(key)
        }
    }

    /// An array of objects, each read by `read`; as `decodeObject`, a problem inside leaves the
    /// reader in the middle of the array.
    mutating func decodeObjects<Value>(
        _ key: String, _ read: (inout JSONReader) throws(JSONDecodingError) -> Value
    ) throws(JSONDecodingError) -> [Value]? {
        switch try peekKind() {
        case .array:
            var values: [Value] = []
            var more = try beginArray()
            while more {
                guard try peekKind() == .object else {
                    throw JSONDecodingError(.wrongType, path: [key, String(values.count)])
                }
                do {
                    values.append(try read(&self))
                } catch {
                    throw error.inside(String(values.count)).inside(key)
                }
                more = try endElement()
            }
            return values
        case .null: return try skipNull()
        case .object, .string, .number, .bool: throw try wrongType(key)
        }
    }

    /// Reads an object (at its `{`), handing each member of the table to `member` to read its
    /// value; other keys are skipped (a newer server may add some) and a key that appears twice
    /// fails the object.
    mutating func decodeMembers<Field>(
        in table: JSONKeyTable<Field>, _ member: (inout JSONReader, Field) throws(JSONDecodingError) -> Void
    ) throws(JSONDecodingError) {
        var seen: UInt64 = 0
        var more = try beginObject()
        while more {
            switch try readKey(in: table) {
            case .other:
                try skipValue()
            case .field(let field, let index):
                guard seen & 1 << index == 0 else { throw JSONDecodingError(.duplicate, path: [field.rawValue]) }
                seen |= 1 << index
                try member(&self, field)
            }
            more = try endMember()
        }
    }

    /// Reads a `null` for an absent field.
    private mutating func skipNull<Value>() throws(JSONDecodingError) -> Value? {
        try readNull()
        return nil
    }

    /// Reads a value of the wrong kind: the error to throw for it.
    private mutating func wrongType(_ key: String) throws(JSONDecodingError) -> JSONDecodingError {
        try skipValue()
        return JSONDecodingError(.wrongType, path: [key])
    }
}
