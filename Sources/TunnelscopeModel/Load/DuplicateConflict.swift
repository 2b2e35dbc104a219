/// One resource found twice in the input with different contents (the same ID; another state,
/// attachment, owner, …): which copy was kept, which was not, and the fields that differ.
///
/// Which copy wins is fixed: the first one read, that is the one in the file that comes first
/// in path order (folders are read recursively, every file sorted by path), and within one file
/// the one that comes first (files given in memory are read in the order given). The other copy is
/// dropped and counted as a duplicate. Parallel decoding does not change it: the files' results
/// are merged in that order.
public struct DuplicateConflict: Hashable, Sendable, CustomStringConvertible {
    /// A file and the JSON path of one copy in it.
    public struct Place: Hashable, Sendable, CustomStringConvertible {
        public let file: String
        public let path: String

        public init(file: String, path: String) {
            self.file = file
            self.path = path
        }

        public var description: String { "\(file) \(path)" }
    }

    /// One field that differs: its path in the resource (`tunnels[1].status`), and its value in
    /// each copy ("none" when a copy does not have it).
    public struct Field: Hashable, Sendable {
        public let name: String
        public let kept: String
        public let dropped: String

        public init(name: String, kept: String, dropped: String) {
            self.name = name
            self.kept = kept
            self.dropped = dropped
        }
    }

    /// `aws:VpnConnection`, `gcp:compute#vpnTunnel`, …
    public let kind: String
    public let id: String
    public let kept: Place
    public let dropped: Place
    /// The fields that differ, at most `DuplicateConflict.maxFields` of them.
    public let fields: [Field]
    /// How many more fields differ than are listed.
    public let moreFields: Int

    /// Fields listed per conflict; the rest are counted.
    public static let maxFields = 8

    public init(kind: String, id: String, kept: Place, dropped: Place, fields: [Field], moreFields: Int) {
        self.kind = kind
        self.id = id
        self.kept = kept
        self.dropped = dropped
        self.fields = fields
        self.moreFields = moreFields
    }

    /// `VpnConnection` for `aws:VpnConnection`.
    public var readableKind: String { kind.split(separator: ":").last.map(String.init) ?? kind }

    /// `transitGatewayId: "tgw-1" (kept) ≠ none`, the fields joined with "; ".
    public var fieldsText: String {
        let listed = fields.map { "\($0.name): \($0.kept) (kept) ≠ \($0.dropped)" }
        return (listed + (moreFields > 0 ? ["… and \(moreFields) more"] : [])).joined(separator: "; ")
    }

    /// The load report's line: what differs, and where each copy is.
    public var description: String {
        "\(readableKind) \(id) has two copies that differ: \(fieldsText) — kept \(kept) (first in path order), "
            + "not used: \(dropped)"
    }
}

/// What the conflicts say about the input as a whole: when enough resources differ between
/// copies, the input most likely holds two snapshots of one network (before and after a change)
/// and the merged model is a network that never existed.
///
/// The rule, over the conflicts between the two places (folders or files) that share the most:
/// at least `minKinds` kinds of resources conflict there (two resources of different kinds
/// changed), or at least `minResources` resources whatever their kind. One conflict alone is listed
/// as a warning but is not called a second snapshot (a resource that changed while one export ran
/// shows up like that), nor are conflicts scattered over unrelated files.
public struct MixedSnapshots: Hashable, Sendable {
    public static let minKinds = 2
    public static let minResources = 3

    /// Resources whose copies differ.
    public let resources: Int
    /// Their kinds, readable and sorted (`RouteTable`, `VpnConnection`).
    public let kinds: [String]
    /// The folders (or files) that hold the copies kept and the copies not used, most common pair.
    public let keptFrom: String
    public let droppedFrom: String

    public init(resources: Int, kinds: [String], keptFrom: String, droppedFrom: String) {
        self.resources = resources
        self.kinds = kinds
        self.keptFrom = keptFrom
        self.droppedFrom = droppedFrom
    }

    /// The one line `check` and the explorer show.
    public var line: String {
        "The input looks like two snapshots of one network: \(resources) resource\(resources == 1 ? "" : "s") "
            + "(\(kinds.joined(separator: ", "))) differ between \(keptFrom) and \(droppedFrom), and the model mixes "
            + "them. Compare them with `tunnelscope diff BEFORE AFTER` instead of loading both."
    }

    /// The message line's form: the way out first, then what differs, with the folders' last names.
    public var shortLine: String {
        func last(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
        return "Two snapshots mixed? Compare them with `tunnelscope diff BEFORE AFTER`: \(resources) "
            + "resource\(resources == 1 ? "" : "s") differ (\(last(keptFrom)) vs \(last(droppedFrom)))"
    }

    /// The judgement over the conflicts (nil when they do not suggest two snapshots): the conflicts
    /// between the two places that share the most of them (two folders, or two files of one
    /// folder) must reach the thresholds; conflicts scattered over unrelated files, or inside one
    /// file, are listed but are not two snapshots.
    static func judge(_ conflicts: [DuplicateConflict], total: Int) -> MixedSnapshots? {
        var groups: [[String]: [DuplicateConflict]] = [:]
        for c in conflicts {
            let pair = Self.sides(c.kept.file, c.dropped.file)
            if pair[0] != pair[1] { groups[pair, default: []].append(c) }
        }
        guard
            let (pair, group) = groups.max(by: {
                ($0.value.count, $1.key.joined(separator: "\n")) < ($1.value.count, $0.key.joined(separator: "\n"))
            })
        else { return nil }
        let kinds = Set(group.map(\.readableKind)).sorted()
        // Past the listed conflicts (`LoadReport.maxListedConflicts` per kind), the count is the total.
        let resources = groups.count == 1 ? max(group.count, total) : group.count
        guard resources >= minResources || (kinds.count >= minKinds && resources >= 2) else { return nil }
        return MixedSnapshots(resources: resources, kinds: kinds, keptFrom: pair[0], droppedFrom: pair[1])
    }

    /// The two paths cut after their first differing component: `a/before/x.json` and
    /// `a/after/x.json` give `a/before` and `a/after`; files in one folder stay whole.
    static func sides(_ a: String, _ b: String) -> [String] {
        let x = a.split(separator: "/", omittingEmptySubsequences: false)
        let y = b.split(separator: "/", omittingEmptySubsequences: false)
        var i = 0
        while i < min(x.count, y.count) - 1, x[i] == y[i] { i += 1 }
        return [x[...i].joined(separator: "/"), y[...i].joined(separator: "/")]
    }
}
