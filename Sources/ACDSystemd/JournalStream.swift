import Glibc

/// Whether the daemon's stderr goes to the journal: systemd sets JOURNAL_STREAM to the device and
/// inode ("DEV:INODE") of the stream it connects stdout and stderr to. Comparing them with stderr
/// itself tells a service's own stderr from one a child inherited and redirected.
public enum JournalStream {
    /// Whether stderr is the stream JOURNAL_STREAM names.
    public static func isStandardError() -> Bool {
        guard let variable = getenv("JOURNAL_STREAM") else { return false }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return matches(String(cString: variable), device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Whether a JOURNAL_STREAM value ("DEV:INODE", decimal) names this device and inode.
    static func matches(_ value: String, device: UInt64, inode: UInt64) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let named = UInt64(parts[0]), let namedInode = UInt64(parts[1]) else { return false }
        return named == device && namedInode == inode
    }
}
