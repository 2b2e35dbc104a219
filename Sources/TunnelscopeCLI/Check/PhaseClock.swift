import Foundation

/// `check --timings`: the wall time of each phase since the previous one, the total, the
/// throughput and the peak memory (VmHWM), for a performance report anyone can rerun.
final class PhaseClock: @unchecked Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last: UInt64
    private var laps: [(String, Double)] = []

    init() { last = start }

    func lap(_ phase: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((phase, Double(now - last) / 1e6))
        last = now
    }

    func report(inputBytes: Int) -> String {
        let total = Double(last - start) / 1e6
        var lines = laps.map { name, ms in
            "  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + milliseconds(ms)
        }
        let rate = total > 0 ? String(format: ", %.0f MB/s", Double(inputBytes) / 1e3 / total) : ""
        lines.append("  total     " + milliseconds(total) + " for \(inputBytes / 1_000_000) MB\(rate)")
        if let peak = Self.peakMemory() {
            lines.append(
                "  peak memory \(peak >> 20) MiB"
                    + (inputBytes > 0 ? String(format: " (%.1f× the input)", Double(peak) / Double(inputBytes)) : ""))
        }
        return "timings:\n" + lines.joined(separator: "\n") + "\n"
    }

    private func milliseconds(_ ms: Double) -> String { String(format: "%8.0f ms", ms) }

    /// VmHWM of this process, in bytes (Linux).
    static func peakMemory() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kilobytes * 1024
    }
}
