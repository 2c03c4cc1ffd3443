import Foundation

/// The state directory's lock: a write lock on `acdd.lock` in it, which holds the process id, taken
/// before the journal is read or upgraded and held while it is open. A second acdd given the same
/// state directory (with another socket, so the socket does not stop it) is refused before it
/// touches anything, instead of writing the same journal as the first. A POSIX record lock
/// (`fcntl`), which belongs to the process: the same process may open the journal twice (the
/// tests do), and the kernel releases it when the process ends, however it ends.
final class StateDirectoryLock: Sendable {
    /// The lock file's name in the state directory.
    static let fileName = "acdd.lock"
    private let descriptor: Int32

    /// Takes the lock of `directory`, which must exist, or says which process holds it.
    init(directory: String) throws(JournalError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .directory(path: directory, reason: "cannot open \(Self.fileName): \(String(cString: strerror(errno)))")
        }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        guard fcntl(descriptor, F_SETLK, &lock) == 0 else {
            let reason = String(cString: strerror(errno))
            var holder = lock
            let known = fcntl(descriptor, F_GETLK, &holder) == 0 && holder.l_type != Int16(F_UNLCK)
            close(descriptor)
            throw .directory(
                path: directory,
                reason: known
                    ? "is in use by another acdd (pid \(holder.l_pid)); a state directory serves one daemon"
                    : "cannot lock \(Self.fileName): \(reason)"
            )
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        close(descriptor)
    }
}
