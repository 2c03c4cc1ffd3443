/// The packed forms of the values commands carry, in which the journal writes its entries (see
/// `PackedValue`): every field in declaration order.

extension NewCall: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        id.pack(into: &writer)
        queue.pack(into: &writer)
        priority.pack(into: &writer)
        segment.pack(into: &writer)
        attributes.pack(into: &writer)
        enteredSystem.pack(into: &writer)
        callbackNumber.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            id: try CallID(unpacking: &reader),
            queue: try QueueID(unpacking: &reader),
            priority: try Int(unpacking: &reader),
            segment: try String?(unpacking: &reader),
            attributes: try [String: String](unpacking: &reader),
            enteredSystem: try Instant?(unpacking: &reader),
            callbackNumber: try String?(unpacking: &reader)
        )
    }
}

extension OutboundCall: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        id.pack(into: &writer)
        queue.pack(into: &writer)
        number.pack(into: &writer)
        priority.pack(into: &writer)
        attributes.pack(into: &writer)
        notBefore.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(
            id: try CallID(unpacking: &reader),
            queue: try QueueID(unpacking: &reader),
            number: try String(unpacking: &reader),
            priority: try Int(unpacking: &reader),
            attributes: try [String: String](unpacking: &reader),
            notBefore: try Instant?(unpacking: &reader)
        )
    }
}

extension DialResult: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        switch self {
        case .reached: writer.writeByte(0)
        case .noAnswer: writer.writeByte(1)
        case .retry(let at):
            writer.writeByte(2)
            at.pack(into: &writer)
        case .failed: writer.writeByte(3)
        }
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = .reached
        case 1: self = .noAnswer
        case 2: self = .retry(at: try Instant(unpacking: &reader))
        case 3: self = .failed
        case let byte: throw reader.corrupted("dial result \(byte) unknown")
        }
    }
}

extension OpeningState: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        isOpen.pack(into: &writer)
        until.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        self.init(isOpen: try Bool(unpacking: &reader), until: try Instant?(unpacking: &reader))
    }
}

extension RemovedQueueTreatment: PackedValue {
    @usableFromInline package func pack(into writer: inout PackedWriter) {
        switch self {
        case .leave: writer.writeByte(0)
        case .moveTo(let queue):
            writer.writeByte(1)
            queue.pack(into: &writer)
        }
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        switch try reader.readByte() {
        case 0: self = .leave
        case 1: self = .moveTo(try QueueID(unpacking: &reader))
        case let byte: throw reader.corrupted("removed queue treatment \(byte) unknown")
        }
    }
}
