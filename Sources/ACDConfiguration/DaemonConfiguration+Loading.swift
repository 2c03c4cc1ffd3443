import Foundation

extension DaemonConfiguration {
    /// The largest configuration file read; beyond it the file is refused rather than read into
    /// memory (a center of 10,000 agents takes about 2 MB).
    public static let maximumFileBytes = 64 * 1024 * 1024

    /// Reads and parses the configuration file at `path`. Relative paths in the file are resolved
    /// against the file's directory.
    public static func load(path: String) throws(ConfigurationFileError) -> DaemonConfiguration {
        try ConfigurationLoading(path: path).finish()
    }

    /// Reads the file at `path`, refusing one too large or not UTF-8.
    static func text(ofFile path: String) throws(ConfigurationFileError) -> String {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            throw ConfigurationFileError(file: path, line: 1, column: 1, message: "cannot read the file: \(Self.reason(error))")
        }
        guard data.count <= maximumFileBytes else {
            throw ConfigurationFileError(file: path, line: 1, column: 1, message: "the file is larger than \(maximumFileBytes) bytes")
        }
        return try TextDecoding.utf8(data, file: path)
    }

    /// Parses configuration text; `file` names it in errors, and relative paths are resolved
    /// against its directory (against the current directory when `file` is itself relative).
    public static func parse(yaml: String, file: String) throws(ConfigurationFileError) -> DaemonConfiguration {
        try ConfigurationLoading(yaml: yaml, file: file).finish()
    }

    /// The absolute directory holding `file`.
    static func baseDirectory(of file: String) -> String {
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        let directory = absolute.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return ConfigurationParser.normalized(directory)
    }

    /// The system's reason for a failed read, e.g. "No such file or directory".
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(nsError.code)))
        }
        return nsError.localizedDescription
    }
}
