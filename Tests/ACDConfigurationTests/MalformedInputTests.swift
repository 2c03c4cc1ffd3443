import ACDConfiguration
import Foundation
import Testing

/// Malformed input is refused with an error at a place in the file, never a crash or a hang.
@Suite struct MalformedInputTests {
    /// Nine levels of aliases, each a list of ten aliases of the level below: 10^9 scalars once
    /// expanded. Defined in routing rules, which are read last, so the aliases reach the reader.
    static let billionLaughs: String = {
        var text = "routing:\n  - {queue: q, match: {a0: &a0 [x, x, x, x, x, x, x, x, x, x]}}\n"
        for level in 1...8 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "  - {queue: q, match: {a\(level): &a\(level) [\(aliases)]}}\n"
        }
        return text
    }()

    static let snippets: [String] = [
        "[é]",
        "[?",
        "{",
        "}",
        "]",
        "[",
        "queues: [{id: q}",
        "queues: [{id: q}]]",
        "queues:\n\t- id: q\n",
        "queues:\n  - id: q\n\tstrategy: random\n",
        "\t",
        "queues: [{id: q}]\n  bad indentation: 1\n",
        "a: b: c",
        "- a\nb: c\n",
        "'unterminated",
        "\"unterminated",
        "a: \"\\uD800\"",
        "a: \"\\xZZ\"",
        "a: \u{0}",
        "a: \u{7}\u{1B}[31m",
        "\u{FFFE}",
        "%YAML 2.0\n---\na: 1\n",
        "%TAG ! tag:example.com,2000:\n%TAG ! tag:example.com,2000:\n---\na: 1\n",
        "a: *undefined\n",
        "a: &x 1\nb: &x 2\nqueues: *x\n",
        "? [a, b]\n: c\nqueues: [{id: q}]\n",
        "queues: [{id: q}]\n[a]: 1\n",
        "queues: [{id: q}]\n{a: 1}: 2\n",
        "queues: !!binary aGVsbG8=\n",
        "queues: [{id: !!null ~}]\n",
        "queues: [{id: q}]\n---\n",
        "...\n...\n",
        "queues: |\n  literal\n",
        "queues: >\n  folded\n",
        "queues: [{id: q, tier_wait: 1e400}]\n",
        "queues: [{id: q, weight: 0x10}]\n",
        "queues: [{id: q}]\nhandle_time_smoothing: .nan\n",
        "queues: [{id: q}]\nhandle_time_smoothing: nan\n",
        "queues: [{id: q}]\nhandle_time_smoothing: 1e999\n",
        String(repeating: "[", count: 100_000),
        String(repeating: "{a: ", count: 10_000),
        String(repeating: "- ", count: 10_000) + "x\n",
        (0..<3000).map { String(repeating: " ", count: $0) + "-\n" }.joined(),
        String(repeating: "a", count: 1_000_000) + ": 1\n",
        billionLaughs + "queues: [{id: q}]\n",
        billionLaughs + "queues: [{id: q, required_skills: *a8}]\n",
        billionLaughs + "queues: *a8\n",
        billionLaughs + "queues: [{id: q, overflow: *a8}]\n",
        billionLaughs + "queues: [{id: q}]\nroles: {adapter_groups: *a8}\n",
        billionLaughs + "queues: [{id: q}]\nagents: *a8\n",
        String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, as: UTF8.self),
        String(decoding: [0xFF, 0xFE, 0x00, 0x71, 0x00, 0x3A], as: UTF8.self),
    ]

    @Test(arguments: snippets.indices)
    func refusedWithAnError(index: Int) {
        let yaml = Self.snippets[index]
        let error = parseError(yaml)
        #expect(error != nil, "accepted: \(yaml.prefix(80).debugDescription)")
        if let error {
            #expect(error.line >= 1 && error.column >= 1)
            #expect(error.file == testFile)
            #expect(!error.message.isEmpty)
        }
    }

    /// The example file truncated at every few bytes and with bytes flipped: each variant parses or
    /// is refused with an error inside the file; none crashes.
    @Test func mutationsOfTheExampleNeverCrash() throws {
        let path = ExampleConfigurationTests.configDirectory + "/acdd.yaml"
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var variants: [[UInt8]] = stride(from: 0, to: original.count, by: 97).map { Array(original.prefix($0)) }
        let alphabet = Array("-:[]{}#&*!|>'\"%@`,? \t\n\u{0}é".utf8)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + Int(next() % 4)) {
                let position = Int(next() % UInt64(bytes.count))
                bytes[position] = next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : alphabet[Int(next() % UInt64(alphabet.count))]
            }
            variants.append(bytes)
        }
        let lineCount = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        for bytes in variants {
            do {
                _ = try DaemonConfiguration.parse(yaml: String(decoding: bytes, as: UTF8.self), file: testFile)
            } catch {
                #expect(error.line >= 1 && error.line <= lineCount + 1 && error.column >= 1, "\(error)")
            }
        }
    }
}
