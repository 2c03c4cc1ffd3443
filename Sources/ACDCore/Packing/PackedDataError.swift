/// Packed bytes that cannot be read: torn, corrupted, or written by a newer acdd.
@usableFromInline package struct PackedDataError: Error, CustomStringConvertible {
    @usableFromInline package var reason: String
    /// The offset in the packed bytes where it was found.
    @usableFromInline package var position: Int

    @inlinable package init(reason: String, position: Int) {
        self.reason = reason
        self.position = position
    }

    @inlinable package var description: String { "\(reason) at packed byte \(position)" }
}
