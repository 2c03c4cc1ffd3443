/// The packed form of an agent's configuration (see `PackedValue`), in which snapshots and
/// journaled reconfigurations hold the agent list: a layout number, then every field in
/// declaration order. A field added to `AgentConfiguration` is added here too, under a new layout
/// number, and reads as its default from the layouts before it.
extension AgentConfiguration: PackedValue {
    private static let layout: UInt8 = 1

    @usableFromInline package func pack(into writer: inout PackedWriter) {
        writer.writeByte(Self.layout)
        id.pack(into: &writer)
        name.pack(into: &writer)
        skills.pack(into: &writer)
        tiers.pack(into: &writer)
        wrapUp.pack(into: &writer)
        team.pack(into: &writer)
        dailyTarget.pack(into: &writer)
    }

    @usableFromInline package init(unpacking reader: inout PackedReader) throws(PackedDataError) {
        let layout = try reader.readByte()
        guard layout == Self.layout else { throw reader.corrupted("agent configuration layout \(layout) unknown") }
        self.init(
            id: try AgentID(unpacking: &reader), name: try String(unpacking: &reader), skills: try [SkillID: Int](unpacking: &reader),
            tiers: try [QueueID: Int](unpacking: &reader), wrapUp: try Duration?(unpacking: &reader),
            team: try String?(unpacking: &reader), dailyTarget: try Int?(unpacking: &reader)
        )
    }
}
