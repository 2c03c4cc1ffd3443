import ACDConfiguration
import ACDCore
import Testing

/// A queue's `classification` catalogue (also under `defaults`, shared by every queue) and the
/// `surveys` window: parsed into the engine's configuration, every mistake reported at
/// FILE:LINE:COLUMN.
@Suite struct QualityConfigurationTests {
    @Test func aCatalogueIsParsedAndDefaultsAreShared() throws {
        let configuration = try parse("""
            defaults:
              classification:
                required: true
                motives:
                  invoice: [copy, error]
                  payment:
                max_notes: 200
            queues:
              - {id: billing}
              - id: support
                classification: {call_types: [solved, escalated], motives: {outage: []}}
            surveys: {window: 2h}

            """)
        let billing = ClassificationCatalogue(
            required: true, motives: [.init("invoice", subMotives: ["copy", "error"]), .init("payment")], maxNotesLength: 200
        )
        #expect(configuration.center.queues.map(\.classification) == [
            billing, ClassificationCatalogue(callTypes: ["solved", "escalated"], motives: [.init("outage")]),
        ])
        #expect(configuration.center.surveys == SurveyPolicy(window: .seconds(7200)))
    }

    @Test func withoutTheKeysTheDefaultsApply() throws {
        let configuration = try parse(minimal())
        #expect(configuration.center.queues[0].classification == ClassificationCatalogue(
            required: false, callTypes: ["perfect", "imperfect", "improper"], motives: [], maxNotesLength: 500
        ))
        #expect(configuration.center.surveys.window == .seconds(3600))
    }

    static let mistakes: [(yaml: String, expected: String)] = [
        ("queues: [{id: q, classification: {requird: true}}]\n", "1:35: unknown key 'requird' in classification; did you mean 'required'?"),
        ("queues: [{id: q, classification: {required: sometimes}}]\n", "1:45: required must be true or false, not 'sometimes'"),
        ("queues: [{id: q, classification: {call_types: []}}]\n", "1:47: call_types must list at least one call type"),
        ("queues: [{id: q, classification: {call_types: [ok, ok]}}]\n", "1:52: call type 'ok' is listed twice (first at 1:48)"),
        ("queues: [{id: q, classification: {motives: [a, b]}}]\n",
         "1:44: motives (each motive mapped to its sub-motives) must be a mapping of keys to values, not a list"),
        ("queues: [{id: q, classification: {motives: {a: [x, x]}}}]\n", "1:52: sub-motive 'x' is listed twice (first at 1:49)"),
        ("queues: [{id: q, classification: {max_notes: -1}}]\n", "1:46: max_notes -1 is outside 0-10000"),
        ("queues: [{id: q, classification: {call_types: [\"two words\"]}}]\n",
         "1:48: each of call_types 'two words' must not contain spaces or control characters"),
        ("queues: [{id: q}]\nsurveys: {window: 0s}\n", "2:19: window must be more than 0 and at most 168h (a week), not '0s'"),
        ("queues: [{id: q}]\nsurveys: {window: 200h}\n", "2:19: window must be more than 0 and at most 168h (a week), not '200h'"),
        ("queues: [{id: q}]\nsurveys: {windw: 1h}\n", "2:11: unknown key 'windw' in surveys; did you mean 'window'?"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreReportedWhereTheyAreWritten(yaml: String, expected: String) {
        #expect(parseError(yaml)?.description == "\(testFile):\(expected)")
    }
}
