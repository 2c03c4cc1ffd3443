// libFuzzer target for `DaemonConfiguration.parse(yaml:file:)`: any text in, a configuration or a
// `ConfigurationFileError` out.
//
// Besides "never crashes", every input is checked for:
// - a parsed configuration's center passes `CenterConfiguration.validate()` (the engine would take it),
//   and parsing the same text again gives an equal configuration;
// - a refusal names the file and a place in it (line and column from 1, the line at most one past
//   the last line) and says something.
// A violated property aborts with a message, so libFuzzer saves the input as a crash.

import ACDConfiguration
import ACDCore
import Foundation

private let file = "/etc/acdd/acdd.yaml"

private func violated(_ property: String, _ text: String, _ details: String) -> Never {
    FileHandle.standardError.write(Data("FUZZ PROPERTY VIOLATED: \(property)\n  input: \(String(text.prefix(2000)).debugDescription)\n  \(details)\n".utf8))
    abort()
}

/// Lines in `text`, counting every line break libyaml knows (LF, CR, CRLF, NEL, LS, PS) as one.
private func lineCount(_ text: String) -> Int {
    var lines = 1
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n" where previous == "\r": break
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines += 1
        default: break
        }
        previous = scalar
    }
    return lines
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = if let data, size > 0 { UnsafeBufferPointer(start: data, count: size) } else { UnsafeBufferPointer<UInt8>(start: nil, count: 0) }
    // `load(path:)` refuses bytes that are not UTF-8 before parsing; parse(yaml:) takes any String,
    // so invalid bytes become U+FFFD here and reach the parser too.
    let text = String(decoding: bytes, as: UTF8.self)

    do {
        let configuration = try DaemonConfiguration.parse(yaml: text, file: file)
        do {
            try configuration.center.validate()
        } catch {
            violated("a parsed configuration passes CenterConfiguration.validate()", text, "\(error)")
        }
        let again: DaemonConfiguration
        do {
            again = try DaemonConfiguration.parse(yaml: text, file: file)
        } catch {
            violated("parsing is deterministic", text, "parsed once, then refused: \(error)")
        }
        if again != configuration {
            violated("parsing is deterministic", text, "first: \(configuration)\n  second: \(again)")
        }
    } catch {
        let lines = lineCount(text)
        if error.file != file || error.line < 1 || error.line > lines + 1 || error.column < 1 || error.message.isEmpty {
            violated("a refusal names the file and a place in it", text, "\(error) (the input has \(lines) line(s))")
        }
    }
    return 0
}
