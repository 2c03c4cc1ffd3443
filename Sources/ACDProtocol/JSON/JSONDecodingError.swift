/// Why a line could not be read: it is not a JSON object, or a field in it does not fit.
public struct JSONDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Sendable, Equatable {
        /// The line is not a JSON object as RFC 8259 defines it: what was found, and at which byte.
        case malformed(String, offset: Int)
        /// The field holds another kind of value (a number for a string, say).
        case wrongType
        /// A field that must be there is not (or is `null`).
        case missing
        /// A string the field does not know (an unknown enum value).
        case unknownValue
        /// The key appears twice in one object.
        case duplicate
        /// A number with a fraction in an integer field.
        case notAnInteger
        /// A number too large (or too small) for the field.
        case outOfRange
    }

    /// What is wrong.
    public var problem: Problem
    /// The field: keys and array indexes from the line's object down; empty for `malformed`.
    public var path: [String]

    init(_ problem: Problem, path: [String] = []) {
        self.problem = problem
        self.path = path
    }

    /// The same problem, one level further down: `key` is the field that holds the value at fault.
    func inside(_ key: String) -> JSONDecodingError {
        switch problem {
        case .malformed: self
        case .wrongType, .missing, .unknownValue, .duplicate, .notAnInteger, .outOfRange:
            JSONDecodingError(problem, path: [key] + path)
        }
    }

    /// Whether the line is not JSON at all, rather than a field being wrong.
    var isMalformed: Bool {
        if case .malformed = problem { true } else { false }
    }

    public var description: String {
        let field = path.joined(separator: ".")
        return switch problem {
        case .malformed(let what, let offset): "the line is not a JSON object: \(what) at byte \(offset)"
        case .wrongType: "field '\(field)' has the wrong type"
        case .missing: "missing field '\(field)'"
        case .unknownValue: "field '\(field)' has an unknown value"
        case .duplicate: "duplicate field '\(field)'"
        case .notAnInteger: "field '\(field)' is not an integer"
        case .outOfRange: "field '\(field)' is out of range"
        }
    }
}

/// The value of a field that must be there: `missing` when it is absent (or was `null`).
func required<Value, Field: RawRepresentable>(_ value: Value?, _ field: Field) throws(JSONDecodingError) -> Value
    where Field.RawValue == String {
    guard let value else { throw JSONDecodingError(.missing, path: [field.rawValue]) }
    return value
}
