import ACDConfiguration
import Testing

/// The file name the tests parse under: relative paths resolve against /etc/acdd.
let testFile = "/etc/acdd/acdd.yaml"

func parse(_ yaml: String) throws(ConfigurationFileError) -> DaemonConfiguration {
    try DaemonConfiguration.parse(yaml: yaml, file: testFile)
}

/// The error `yaml` is refused with, or nil when it parses.
func parseError(_ yaml: String) -> ConfigurationFileError? {
    do {
        _ = try parse(yaml)
        return nil
    } catch {
        return error
    }
}

/// The smallest valid configuration, plus `extra` top-level text.
func minimal(_ extra: String = "") -> String {
    "queues: [{id: q}]\n" + extra
}
