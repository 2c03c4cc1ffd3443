import ACDProtocol
import Foundation
public import ACDSystemd
public import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// The acdd server: listens on a Unix socket (bound by path, or adopted from systemd), serves
/// every connection with a `Session`, and stops gracefully: no new connections, a `shutdown` event
/// to every client, then close.
public struct UnixSocketServer: Service, CustomStringConvertible {
    /// Where the listening socket comes from.
    public enum Listener: Sendable {
        /// Bind this path, with this mode and, when given, this group; a stale socket file is
        /// removed, a live one is an error.
        case path(String, mode: UInt32, group: UInt32? = nil)
        /// A socket already bound and listening (socket activation).
        case adopted(descriptor: Int32)
    }

    let listener: Listener
    let settings: ServerSettings
    let serverName: String
    let logger: Logger
    /// Called once the state is recovered and the socket listens (e.g. to tell systemd READY=1).
    let onListening: @Sendable () -> Void
    /// Watchdog keep-alives and the status line for systemd, beaten from the executor's loop.
    let heartbeat: ServiceHeartbeat?
    /// Reaches the running executor from outside (reloads).
    let control: ServerControl?

    public init(listener: Listener, settings: ServerSettings, serverName: String, logger: Logger,
                heartbeat: ServiceHeartbeat? = nil, control: ServerControl? = nil,
                onListening: @escaping @Sendable () -> Void = {}) {
        self.listener = listener
        self.settings = settings
        self.serverName = serverName
        self.logger = logger
        self.heartbeat = heartbeat
        self.control = control
        self.onListening = onListening
    }

    public var description: String {
        switch listener {
        case .path(let path, _, _): "acdd server on \(path)"
        case .adopted(let descriptor): "acdd server on fd \(descriptor)"
        }
    }

    public func run() async throws {
        // One event loop carries every connection and the executor: a line is read, decoded,
        // routed and answered in one turn of it, with no hop between threads.
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let settings = settings
        let serverName = serverName
        let logger = logger
        let heartbeat = heartbeat
        let executor = try await loop.submit {
            NIOLoopBound(
                try RoutingExecutor(settings: settings, serverName: serverName, logger: logger, eventLoop: loop, heartbeat: heartbeat),
                eventLoop: loop
            )
        }.get()
        // The state comes back from the journal before anyone can connect.
        try await loop.submit {
            try executor.value.recover()
            executor.value.syncHours()
            executor.value.rearm()
        }.get()
        let maxLine = settings.limits.maxLineBytes
        let bootstrap = ServerBootstrap(group: loop)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        SessionHandler(executor: executor.value, maxLineBytes: maxLine, logger: logger)
                    )
                }
            }
        let server: any Channel
        switch listener {
        case .path(let path, let mode, let group):
            try SocketFile.prepare(path)
            server = try await bootstrap.bind(unixDomainSocketPath: path).get()
            if let group, chown(path, uid_t.max, gid_t(group)) != 0 {
                let reason = String(cString: strerror(errno))
                server.close(promise: nil)
                throw ServerError.socketGroup(path: path, group: group, reason: reason)
            }
            guard chmod(path, mode_t(mode)) == 0 else {
                server.close(promise: nil)
                throw ServerError.socketMode(path: path, reason: String(cString: strerror(errno)))
            }
            logger.info("listening", metadata: ["socket": "\(path)", "mode": "\(String(mode, radix: 8))"])
        case .adopted(let descriptor):
            server = try await bootstrap.withBoundSocket(descriptor).get()
            logger.info("listening on the socket systemd passed", metadata: ["fd": "\(descriptor)"])
        }
        control?.attach(executor)
        onListening()
        try await loop.submit {
            executor.value.startHeartbeat()
            executor.value.scheduleNextDay()
        }.get()
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await server.closeFuture.get()
            } onGracefulShutdown: {
                server.close(promise: nil)
            }
        } onCancel: {
            server.close(promise: nil)
        }
        control?.attach(nil)
        logger.info("stopping: telling clients")
        try? await loop.flatSubmit { executor.value.shutdown() }.get()
        if case .path(let path, _, _) = listener {
            unlink(path)
        }
    }
}

/// Why the server could not start.
public enum ServerError: Error, CustomStringConvertible {
    case socketInUse(path: String)
    case socketMode(path: String, reason: String)
    case socketGroup(path: String, group: UInt32, reason: String)
    case socketPath(path: String, reason: String)

    public var description: String {
        switch self {
        case .socketInUse(let path): "\(path): another acdd is listening there"
        case .socketMode(let path, let reason): "\(path): cannot set the socket's mode: \(reason)"
        case .socketGroup(let path, let group, let reason): "\(path): cannot give the socket to group \(group): \(reason)"
        case .socketPath(let path, let reason): "\(path): \(reason)"
        }
    }
}
