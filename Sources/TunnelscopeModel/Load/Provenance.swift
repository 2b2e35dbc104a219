/// When and how each cloud's export was made: from the manifests the export scripts write
/// (`tunnelscope-manifest.json`), or else estimated from the files' modification times.
/// Times are seconds since 1970-01-01 UTC.
public struct Provenance: Hashable, Sendable {
    public enum Cloud: String, Hashable, Sendable, CaseIterable {
        case aws, gcp

        public var name: String { self == .aws ? "AWS" : "GCP" }
    }

    /// One command an export script ran.
    public struct Command: Hashable, Sendable {
        public let command: String
        /// The file it wrote (nil when it failed).
        public let file: String?
        public let exitCode: Int
        /// The first line of its error output (sanitised by the script), when it failed.
        public let error: String?
        /// A command that fails in the normal course of things (Shared VPC lookups outside a
        /// Shared VPC, Memorystore where its API is off): its failure loses nothing.
        public let optional: Bool

        public init(command: String, file: String?, exitCode: Int, error: String?, optional: Bool = false) {
            self.command = command
            self.file = file
            self.exitCode = exitCode
            self.error = error
            self.optional = optional
        }

        /// It failed, and what it exports is missing.
        public var failed: Bool { exitCode != 0 && !optional }
    }

    /// One manifest: one export script's run over one folder.
    public struct Manifest: Hashable, Sendable {
        /// The manifest file.
        public let file: String
        public let cloud: Cloud
        public let startedAt: Double
        public let finishedAt: Double
        /// The script that wrote it (`export-aws.sh`).
        public let tool: String?
        /// The CLI and its version as it reports them (`aws-cli/2.15.0 Python/3.11.6 Linux/6.1`).
        public let cli: String?
        public let accounts: [String]
        public let projects: [String]
        public let regions: [String]
        public let commands: [Command]

        public init(
            file: String, cloud: Cloud, startedAt: Double, finishedAt: Double, tool: String?, cli: String?,
            accounts: [String], projects: [String], regions: [String], commands: [Command]
        ) {
            self.file = file
            self.cloud = cloud
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.tool = tool
            self.cli = cli
            self.accounts = accounts
            self.projects = projects
            self.regions = regions
            self.commands = commands
        }

        public var failedCommands: [Command] { commands.filter(\.failed) }
    }

    /// The modification times of one cloud's loaded files (the oldest and the newest).
    public struct FileTimes: Hashable, Sendable {
        public var oldest: Double
        public var newest: Double
        public var files: Int

        public init(oldest: Double, newest: Double, files: Int) {
            self.oldest = oldest
            self.newest = newest
            self.files = files
        }
    }

    /// One cloud's export time as the header and `check` show it.
    public struct Export: Hashable, Sendable {
        public let cloud: Cloud
        public let start: Double
        public let end: Double
        /// From the files' modification times, not from a manifest.
        public let estimated: Bool
        /// The manifests it comes from (none when estimated).
        public let manifests: [Manifest]
    }

    public package(set) var manifests: [Manifest] = []
    public package(set) var fileTimes: [Cloud: FileTimes] = [:]

    public init() {}

    /// More than this apart (in seconds), the AWS and GCP exports are a mixed-time snapshot: 30 min.
    public static let maxGap: Double = 30 * 60

    package mutating func merge(_ later: Provenance) {
        manifests += later.manifests
        for (cloud, times) in later.fileTimes { addFileTimes(cloud, times) }
    }

    package mutating func addFileTimes(_ cloud: Cloud, _ times: FileTimes) {
        guard let known = fileTimes[cloud] else {
            fileTimes[cloud] = times
            return
        }
        fileTimes[cloud] = FileTimes(
            oldest: min(known.oldest, times.oldest), newest: max(known.newest, times.newest),
            files: known.files + times.files)
    }

    package mutating func add(_ manifest: Manifest) { manifests.append(manifest) }

    /// Each cloud's export, AWS first: from its manifests when it has any, else from its files'
    /// times. Empty when nothing says (the built-in example, files given in memory).
    public var exports: [Export] {
        Cloud.allCases.compactMap { cloud in
            let own = manifests.filter { $0.cloud == cloud }
            if let start = own.map(\.startedAt).min(), let end = own.map(\.finishedAt).max() {
                return Export(cloud: cloud, start: start, end: end, estimated: false, manifests: own)
            }
            guard let times = fileTimes[cloud] else { return nil }
            return Export(cloud: cloud, start: times.oldest, end: times.newest, estimated: true, manifests: [])
        }
    }

    /// How far apart in time the AWS and GCP exports were made (0 when they overlap); nil unless
    /// both are known.
    public var gap: Double? {
        let all = exports
        guard let aws = all.first(where: { $0.cloud == .aws }), let gcp = all.first(where: { $0.cloud == .gcp })
        else { return nil }
        return max(0, max(aws.start, gcp.start) - min(aws.end, gcp.end))
    }

    /// The AWS and GCP exports were made more than `maxGap` apart.
    public var isMixedTime: Bool { (gap ?? 0) > Self.maxGap }

    /// Commands the export scripts reported as failed: what they would have exported is missing.
    public var failedCommands: [(manifest: Manifest, command: Command)] {
        manifests.flatMap { m in m.failedCommands.map { (m, $0) } }
    }

    /// "exported 3 h ago" (one cloud, or both within `maxGap`: the older), "exported AWS 3 h ago,
    /// GCP 10 min ago" (far apart); "≈ …, from file times" when estimated. Nil when nothing is known.
    public func ageText(now: Double) -> String? {
        let all = exports
        guard let oldest = all.map(\.start).min() else { return nil }
        let estimated = all.contains(where: \.estimated)
        let mark = estimated ? "≈ " : ""
        let tail = estimated ? ", from file times" : ""
        guard isMixedTime else { return "exported \(mark)\(Self.age(now - oldest))\(tail)" }
        return "exported " + all.map { "\($0.cloud.name) \(mark)\(Self.age(now - $0.start))" }.joined(separator: ", ")
            + tail
    }

    /// The short form for a narrow header: "3 h old", "≈3 h old" (far apart, the mixed-time
    /// warning says each).
    public func shortAgeText(now: Double) -> String? {
        let all = exports
        guard let oldest = all.map(\.start).min() else { return nil }
        let mark = all.contains(where: \.estimated) ? "≈" : ""
        let seconds = now - oldest
        return seconds < 60 && seconds > -60 ? "\(mark)new" : "\(mark)\(Self.roughDuration(seconds)) old"
    }

    /// The warning when AWS and GCP were exported far apart; nil when not.
    public var mixedTimeText: String? {
        guard isMixedTime, let gap else { return nil }
        return "AWS and GCP were exported \(Self.duration(gap)) apart (more than \(Self.duration(Self.maxGap))): "
            + "what changed in between shows as mismatches"
    }

    /// The message line's form: "Exported AWS 3 h ago, GCP 25 min ago: mismatches may be changes in between".
    public func mixedTimeShortText(now: Double) -> String? {
        guard isMixedTime else { return nil }
        let ages = exports.map { "\($0.cloud.name) \(Self.roughDuration(now - $0.start))" }
        return "Exported \(ages.joined(separator: ", ")) ago: mismatches may be changes in between"
    }

    /// "25 min", "3 h", "2 d" (one unit, rounded down).
    public static func roughDuration(_ seconds: Double) -> String {
        let s = Int(abs(seconds).rounded(.down))
        let text = s < 3600 ? "\(s / 60) min" : s < 2 * 86400 ? "\(s / 3600) h" : "\(s / 86400) d"
        return seconds < 0 ? "-" + text : text
    }

    /// "3 h ago", "25 min ago", "just now", "2 d ago"; "5 min in the future" for a clock ahead.
    public static func age(_ seconds: Double, ago: Bool = true) -> String {
        if seconds < -60 { return "\(duration(-seconds)) in the future" }
        if seconds < 60 { return ago ? "just now" : "<1 min" }
        return duration(seconds) + (ago ? " ago" : "")
    }

    /// "45 s", "25 min", "3 h", "3 h 20 min", "2 d".
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" }
        if s < 6 * 3600, (s % 3600) / 60 >= 5 { return "\(s / 3600) h \((s % 3600) / 60) min" }
        if s < 2 * 86400 { return "\(s / 3600) h" }
        return "\(s / 86400) d"
    }

    /// `2026-11-29T19:48:58Z` for seconds since 1970.
    public static func iso8601(_ time: Double) -> String {
        let total = Int(time.rounded(.down))
        let days = total >= 0 ? total / 86400 : (total - 86399) / 86400
        let secs = total - days * 86400
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
    }

    /// Seconds since 1970 for `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; nil for anything else.
    public static func parseISO8601(_ text: String) -> Double? {
        let c = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= c.count else { return nil }
            var n = 0
            for b in c[from..<from + count] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard c.count >= 20, c[4] == 45, c[7] == 45, c[10] == 84 || c[10] == 116, c[13] == 58, c[16] == 58,
            let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2), let h = number(11, 2),
            let mi = number(14, 2), let s = number(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24,
            mi < 60, s < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < c.count, c[i] == 46 {
            i += 1
            var scale = 0.1
            let start = i
            while i < c.count, c[i] >= 48, c[i] <= 57 {
                fraction += Double(c[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offset = 0
        guard i < c.count else { return nil }
        if c[i] == 90 || c[i] == 122 {
            i += 1
        } else if c[i] == 43 || c[i] == 45, let oh = number(i + 1, 2), i + 3 < c.count, c[i + 3] == 58,
            let om = number(i + 4, 2)
        {
            offset = (oh * 3600 + om * 60) * (c[i] == 43 ? 1 : -1)
            i += 6
        } else {
            return nil
        }
        guard i == c.count else { return nil }
        // Days since 1970 from the civil date (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86400 + h * 3600 + mi * 60 + s - offset) + fraction
    }
}
