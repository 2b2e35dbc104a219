import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `tunnelscope` binary, scripts and other command-line tools from end-to-end
/// tests, and starts helper servers (moto_server) in the background.
///
/// Typical use:
///
///     let result = try BinaryRunner.run(BinaryRunner.tunnelscopeURL(), ["check", "--format", "json", dir.path],
///                                       timeout: 30)
///     #expect(result.status == 0, "\(result.stderr)")
///
/// Output is captured through temporary files, not pipes, so a child that prints a lot can
/// never deadlock against the test, and a grandchild that keeps a descriptor open cannot make
/// the test wait for it.
enum BinaryRunner {
    /// Why a run did not produce a result.
    enum Failure: Error, CustomStringConvertible {
        /// The executable is missing or could not be started.
        case launch(command: String, reason: String)
        /// The command ran past its timeout and was killed; what it printed until then.
        case timedOut(command: String, seconds: TimeInterval, stdout: String, stderr: String)
        /// No free TCP port could be had.
        case noPort(reason: String)

        var description: String {
            switch self {
            case .launch(let command, let reason):
                "cannot run `\(command)`: \(reason)"
            case .timedOut(let command, let seconds, let stdout, let stderr):
                "`\(command)` did not finish within \(seconds) s and was killed.\n--- stdout:\n\(stdout)\n--- stderr:\n\(stderr)"
            case .noPort(let reason):
                "no free TCP port on 127.0.0.1: \(reason)"
            }
        }
    }

    // MARK: Locating things

    /// The repository root (the folder holding Package.swift), from this file's location.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// The `tunnelscope` executable built alongside the running tests (the test target depends
    /// on it, so `swift test` builds it into the same products folder, e.g. `.build/debug/`).
    /// `TUNNELSCOPE_BINARY` overrides the search. When nothing is found this returns
    /// `<repo>/.build/debug/tunnelscope`, and `run` then fails saying it does not exist.
    static func tunnelscopeURL() -> URL {
        if let override = ProcessInfo.processInfo.environment["TUNNELSCOPE_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return builtProduct(named: "tunnelscope")
            ?? repositoryRoot.appendingPathComponent(".build/debug/tunnelscope")
    }

    /// An executable named `name` in the build products folder of the running test binary:
    /// the folders holding the test executable (or `.xctest` bundle) and their parents are searched.
    static func builtProduct(named name: String) -> URL? {
        for start in productSearchStarts() {
            var directory = start
            for _ in 0..<6 {
                let candidate = directory.appendingPathComponent(name)
                if isExecutableFile(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    private static func productSearchStarts() -> [URL] {
        var starts: [URL] = []
        // Linux: the test executable itself.
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        // macOS: the .xctest bundle loaded into xctest / swiftpm-testing-helper.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            starts.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let main = Bundle.main.executableURL { starts.append(main.deletingLastPathComponent()) }
        if let first = CommandLine.arguments.first, first.contains("/") {
            starts.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        return starts
    }

    /// The first executable called `name` on `PATH` (of `environment`, else of this process).
    static func which(_ name: String, environment: [String: String]? = nil) -> URL? {
        let path = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutableFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// This process's environment without the variables whose names start with any of
    /// `prefixes`, plus `adding` (which wins). Use it to keep a developer's own settings (e.g.
    /// `AWS_PROFILE`, `AWS_SESSION_TOKEN`) out of a child.
    static func environment(removingPrefixes prefixes: [String] = [], adding: [String: String] = [:]) -> [String:
        String]
    {
        var env = ProcessInfo.processInfo.environment.filter { key, _ in !prefixes.contains { key.hasPrefix($0) } }
        env.merge(adding) { _, new in new }
        return env
    }

    // MARK: Running to completion

    /// Runs `executable` with `args` and waits for it, at most `timeout` seconds (then it is
    /// sent SIGTERM, and SIGKILL two seconds later, and `Failure.timedOut` is thrown).
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` inherits this process's.
    ///   - currentDirectory: the child's working directory; `nil` keeps this process's.
    ///   - timeout: seconds.
    /// - Returns: the exit status (128 + signal number when killed by a signal), and stdout and
    ///   stderr decoded as UTF-8 (invalid bytes replaced).
    /// - Throws: `Failure.launch` when it cannot be started, `Failure.timedOut`.
    static func run(
        _ executable: URL, _ args: [String], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, timeout: TimeInterval
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let command = commandLine(executable, args)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("tunnelscope-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")

        let process = try makeProcess(
            executable, args, environment: environment, currentDirectory: currentDirectory,
            stdout: stdoutURL, stderr: stderrURL, command: command)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            stop(process, grace: 2)
            throw Failure.timedOut(
                command: command, seconds: timeout,
                stdout: readText(stdoutURL), stderr: readText(stderrURL))
        }
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, readText(stdoutURL), readText(stderrURL))
    }

    // MARK: Running in the background

    /// A started process (a server for the test to talk to); stop it with `stop()` (also
    /// done when the value is released). Its stdout and stderr go to `logURL`.
    final class Background {
        let process: Process
        let command: String
        let logURL: URL

        fileprivate init(process: Process, command: String, logURL: URL) {
            self.process = process
            self.command = command
            self.logURL = logURL
        }

        var isRunning: Bool { process.isRunning }
        var processIdentifier: Int32 { process.processIdentifier }
        /// What it printed so far.
        var log: String { BinaryRunner.readText(logURL) }

        /// SIGTERM, then SIGKILL after `grace` seconds. Safe to call more than once.
        func stop(grace: TimeInterval = 3) { BinaryRunner.stop(process, grace: grace) }

        deinit { stop(grace: 1) }
    }

    /// Starts `executable` and returns at once; stdout and stderr are appended to `log`.
    static func start(
        _ executable: URL, _ args: [String], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, log: URL
    ) throws -> Background {
        let command = commandLine(executable, args)
        let process = try makeProcess(
            executable, args, environment: environment, currentDirectory: currentDirectory,
            stdout: log, stderr: log, command: command)
        return Background(process: process, command: command, logURL: log)
    }

    // MARK: Ports

    /// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0). Another
    /// process may still take it before the caller binds it: callers should retry on failure.
    static func freeTCPPort() throws -> UInt16 {
        #if os(Linux)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.noPort(reason: "socket() failed, errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw Failure.noPort(reason: "bind() failed, errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure.noPort(reason: "getsockname() failed, errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// True when something accepts TCP connections on 127.0.0.1:`port`.
    static func acceptsConnections(port: UInt16) -> Bool {
        #if os(Linux)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return connected == 0
    }

    /// Polls until 127.0.0.1:`port` accepts connections (true), `timeout` passes, or
    /// `stillStarting` says the server gave up (false).
    static func waitForPort(
        _ port: UInt16, timeout: TimeInterval, interval: TimeInterval = 0.1,
        stillStarting: () -> Bool = { true }
    ) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if acceptsConnections(port: port) { return true }
            if !stillStarting() { return false }
            usleep(useconds_t(interval * 1_000_000))
        } while Date() < deadline
        return acceptsConnections(port: port)
    }

    // MARK: Internals

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        #if !os(Linux)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func makeProcess(
        _ executable: URL, _ args: [String], environment: [String: String]?,
        currentDirectory: URL?, stdout: URL, stderr: URL, command: String
    ) throws -> Process {
        guard isExecutableFile(executable) else {
            throw Failure.launch(command: command, reason: "\(executable.path) does not exist or is not executable")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = args
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        let out = try appendHandle(stdout)
        let err = stderr == stdout ? out : try appendHandle(stderr)
        defer {
            try? out.close()
            if err !== out { try? err.close() }
        }
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw Failure.launch(command: command, reason: "\(error)")
        }
        return process
    }

    private static func appendHandle(_ url: URL) throws -> FileHandle {
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        return handle
    }

    fileprivate static func stop(_ process: Process, grace: TimeInterval) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    fileprivate static func readText(_ url: URL) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func commandLine(_ executable: URL, _ args: [String]) -> String {
        ([executable.path] + args).map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
