import ACDSystemd
import Testing

@Suite struct JournalFieldNameTests {
    @Test(arguments: [
        ("call.id", "CALL_ID"), ("agent.id", "AGENT_ID"), ("queue", "QUEUE"), ("waited_ms", "WAITED_MS"),
        ("agentID", "AGENT_ID"), ("callId", "CALL_ID"), ("v2Name", "V2_NAME"), ("HTTPServer", "HTTPSERVER"),
        ("error.message", "ERROR_MESSAGE"), ("a..b--c", "A_B_C"), ("_private", "PRIVATE"), ("__x__", "X"),
        ("peer uid", "PEER_UID"), ("café", "CAF"), ("1st", "FIELD_1ST"),
        ("message", "METADATA_MESSAGE"), ("priority", "METADATA_PRIORITY"), ("code.file", "METADATA_CODE_FILE"),
        ("syslog_identifier", "METADATA_SYSLOG_IDENTIFIER"),
    ])
    func metadataKeysBecomeValidNames(key: String, name: String) throws {
        let field = try #require(JournalFieldName(metadataKey: key))
        #expect(field.rawValue == name)
    }

    @Test(arguments: ["", ".", "_", "-._", "é"])
    func keysWithNothingUsableAreDropped(key: String) {
        #expect(JournalFieldName(metadataKey: key) == nil)
    }

    @Test func everyNameIsOneJournaldAccepts() throws {
        for key in ["call.id", "9lives", "x" + String(repeating: "y", count: 100), "Ünïcødé key", "a\nb=c", "tab\there"] {
            let name = try #require(JournalFieldName(metadataKey: key)).rawValue
            #expect(name.count <= JournalFieldName.maximumLength)
            #expect(name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }, "\(name)")
            #expect(name.first.map { !$0.isNumber && $0 != "_" } == true, "\(name)")
        }
    }
}
