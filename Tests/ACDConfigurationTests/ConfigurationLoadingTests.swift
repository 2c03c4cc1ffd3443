import ACDConfiguration
import ACDJournal
import Testing

/// Loading in two steps: the state directory and journal settings first, then the rest.
@Suite struct ConfigurationLoadingTests {
    static let text = """
        state_directory: /var/lib/acdd-test
        journal: {durability: power, snapshot_every: 500, history: 0}
        queues: [{id: q, required_skills: [tax]}]
        agents: [{id: ana, skills: {tax: 5}}]

        """

    @Test func theHeadComesFirstAndTheRestMatchesOneStep() throws {
        let loading = try ConfigurationLoading(yaml: Self.text, file: "/etc/acdd.yaml")
        #expect(loading.stateDirectory == "/var/lib/acdd-test")
        #expect(loading.journal.durability == .power)
        #expect(loading.journal.snapshotEvery == 500)
        #expect(loading.journal.keptHistory == nil)
        #expect(try loading.finish() == DaemonConfiguration.parse(yaml: Self.text, file: "/etc/acdd.yaml"))
    }

    @Test func aMistakeAfterTheHeadIsReportedByTheSecondStep() throws {
        let text = "state_directory: ./state\nqueues: [{id: q}]\nagents: [{id: ana, skills: {tax: high}}]\n"
        let loading = try ConfigurationLoading(yaml: text, file: "/etc/acdd.yaml")
        #expect(loading.stateDirectory == "/etc/state")
        let error = #expect(throws: ConfigurationFileError.self) { try loading.finish() }
        #expect(error?.description == "/etc/acdd.yaml:3:34: the proficiency in 'tax' must be a whole number, not 'high'")
    }

    @Test func aMistakeInTheHeadStopsTheFirstStep() {
        let text = "queues: [{id: q}]\njournal: {durability: always}\n"
        let error = #expect(throws: ConfigurationFileError.self) { try ConfigurationLoading(yaml: text, file: "/etc/acdd.yaml") }
        #expect(error?.description.hasPrefix("/etc/acdd.yaml:2:23: unknown durability 'always'") == true)
    }
}
