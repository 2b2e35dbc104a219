import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Times another process for `tunnelscope bench`: wall time and peak resident memory (from
/// `wait4`'s resource usage), its output thrown away.
enum BenchProcess {
    struct Sample {
        var seconds: Double
        var peakBytes: Int
    }

    /// The median wall time of `runs` runs, and the largest peak memory; nil when it cannot run
    /// or exits with a signal.
    static func measure(
        _ executable: String, _ arguments: [String], runs: Int, selfReportedPeak: Bool = false
    ) -> Sample? {
        var times: [Double] = []
        var peak = 0
        for _ in 0..<max(1, runs) {
            let peakFile = NSTemporaryDirectory() + "tunnelscope-bench-peak-\(getpid())"
            if selfReportedPeak { setenv(peakFileVariable, peakFile, 1) }
            defer {
                unsetenv(peakFileVariable)
                unlink(peakFile)
            }
            guard let sample = once(executable, arguments) else { return nil }
            times.append(sample.seconds)
            let reported =
                selfReportedPeak ? (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Int($0) } : nil
            peak = max(peak, reported ?? sample.peakBytes)
        }
        return Sample(seconds: times.sorted()[times.count / 2], peakBytes: peak)
    }

    private static func once(_ executable: String, _ arguments: [String]) -> Sample? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Exited normally (any exit status: `check` exits 1 when it finds errors).
        guard status & 0x7F == 0 else { return nil }
        return Sample(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// The environment variable that asks a process of `bench` to write its own peak memory
    /// (`VmHWM`: this program's image only, not the bench process it was spawned from, which
    /// `wait4`'s `ru_maxrss` would include) to the file it names, at exit.
    static let peakFileVariable = "TUNNELSCOPE_BENCH_PEAK_FILE"

    static func reportPeakAtExitIfAsked() {
        guard getenv(peakFileVariable) != nil else { return }
        atexit {
            guard let file = getenv(BenchProcess.peakFileVariable), let peak = PhaseClock.peakMemory() else { return }
            try? String(peak).write(toFile: String(cString: file), atomically: false, encoding: .utf8)
        }
    }

    /// The full path of a program on PATH, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// This program's own executable.
    static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
