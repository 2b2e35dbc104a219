/// One line about the input: a file, where in it, what was wrong.
public struct LoadMessage: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let path: String?
    public let text: String

    public init(file: String, path: String?, text: String) {
        self.file = file
        self.path = path
        self.text = text
    }

    public var description: String { "\(file)\(path.map { " \($0)" } ?? ""): \(text)" }
}

/// What loading did with every file and resource: each resource in the input is either in the
/// model (loaded, or merged as a duplicate of one loaded) or listed in `skipped` with its reason.
/// The importer fills it (hence `package(set)`); the analysis, the views and the commands read it.
public struct LoadReport: Sendable {
    public enum FileOutcome: String, Sendable {
        case loaded
        /// JSON that is not an export this tool knows.
        case unrecognized
        /// Not JSON at all (or not UTF-8, or empty).
        case notJSON = "not-json"
        case unreadable
    }

    public struct FileEntry: Sendable {
        public let file: String
        public let outcome: FileOutcome
        /// What was recognised: `aws:VpnConnections`, `gcp:compute#vpnTunnel`, …
        public let documents: [String]
        public let resources: Int
        public let reason: String?

        package init(file: String, outcome: FileOutcome, documents: [String], resources: Int, reason: String?) {
            self.file = file
            self.outcome = outcome
            self.documents = documents
            self.resources = resources
            self.reason = reason
        }
    }

    public struct KindCount: Sendable {
        public var seen = 0
        public var loaded = 0
        public var duplicates = 0
        public var skipped = 0
        /// Duplicates whose contents differ from the copy kept (counted among `duplicates` too).
        public var conflicting = 0
    }

    public package(set) var files: [FileEntry] = []
    /// Resources (and whole files) that were not used, with the reason.
    public package(set) var skipped: [LoadMessage] = []
    /// Fields that were ignored; the resource itself loaded.
    public package(set) var warnings: [LoadMessage] = []
    /// Cross-file notes (an unmatched route search, an ambiguous Shared VPC list, …).
    public package(set) var notes: [LoadMessage] = []
    public package(set) var kinds: [String: KindCount] = [:]
    /// Resources found twice with different contents, in the order read (at most
    /// `maxListedConflicts` per kind; `conflicts` counts them all).
    public package(set) var conflictList: [DuplicateConflict] = []
    /// Where each cloud's export came from and when (manifests, or else file times).
    public package(set) var provenance = Provenance()
    /// Bytes of the files read as JSON (for throughput figures).
    public package(set) var bytesRead = 0

    public init() {}

    public var resourcesSeen: Int { kinds.values.reduce(0) { $0 + $1.seen } }
    public var resourcesLoaded: Int { kinds.values.reduce(0) { $0 + $1.loaded } }
    public var resourcesSkipped: Int { kinds.values.reduce(0) { $0 + $1.skipped } }
    public var duplicates: Int { kinds.values.reduce(0) { $0 + $1.duplicates } }
    public var loadedFiles: [FileEntry] { files.filter { $0.outcome == .loaded } }
    /// Resources found twice with different contents (listed or not).
    public var conflicts: Int { kinds.values.reduce(0) { $0 + $1.conflicting } }
    /// Conflicts listed per kind; more are counted only.
    public static let maxListedConflicts = 100

    /// Whether the conflicts suggest that two snapshots of one network were loaded together; judged
    /// once when loading ends (`judgeConflicts`), so that no frame judges it again.
    public package(set) var mixedSnapshots: MixedSnapshots?

    package mutating func judgeConflicts() {
        mixedSnapshots = MixedSnapshots.judge(conflictList, total: conflicts)
    }

    private var listedConflicts: [String: Int] = [:]

    /// Counts a conflict, and lists it while its kind has fewer than `maxListedConflicts` listed.
    package mutating func addConflict(_ conflict: DuplicateConflict) {
        count(conflict.kind) { $0.conflicting += 1 }
        list(conflict)
    }

    /// Lists a conflict already counted (one of a later file's, when files are merged).
    package mutating func list(_ conflict: DuplicateConflict) {
        guard listedConflicts[conflict.kind, default: 0] < Self.maxListedConflicts else { return }
        listedConflicts[conflict.kind, default: 0] += 1
        conflictList.append(conflict)
    }

    /// Every resource is accounted for: seen = loaded + duplicates + skipped, for every kind.
    public var reconciles: Bool { kinds.values.allSatisfy { $0.seen == $0.loaded + $0.duplicates + $0.skipped } }

    package mutating func count(_ kind: String, _ update: (inout KindCount) -> Void) {
        update(&kinds[kind, default: KindCount()])
    }
}
