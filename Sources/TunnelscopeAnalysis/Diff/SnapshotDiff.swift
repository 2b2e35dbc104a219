import TunnelscopeModel

/// The groups a diff is reported in: the same as the views.
public enum DiffGroup: String, Sendable, Hashable, CaseIterable, Comparable {
    case hub
    case connections
    case tunnels
    case gcp = "gcp-side"
    case sharedVPC = "shared-vpc"
    case peered = "peered-services"
    case onPrem = "on-prem"
    case vpcs
    case findings

    /// The heading shown for the group.
    public var title: String {
        switch self {
        case .hub: "Hub (Transit Gateway)"
        case .connections: "VPN connections"
        case .tunnels: "Tunnels"
        case .gcp: "GCP side"
        case .sharedVPC: "Shared VPC"
        case .peered: "Peered services"
        case .onPrem: "On-prem"
        case .vpcs: "AWS VPCs"
        case .findings: "Findings"
        }
    }

    var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: DiffGroup, rhs: DiffGroup) -> Bool { lhs.order < rhs.order }
}

/// One field of an element that differs between the snapshots, named in the tool's words
/// ("attached to", "status", "IPsec", "BGP", "routes learned by GCP").
///
/// A value the exports do not report is nil ("not exported"), never an empty value: a field that
/// one snapshot did not export has not been removed. An element on one side only (added, removed,
/// not exported on the other side) lists its own values this way, the other side nil.
public struct FieldChange: Sendable, Hashable {
    public let field: String
    /// The value before and after; nil: that snapshot's exports do not report it. For a set
    /// (prefixes, routes, members) it is the number of members ("3 routes").
    public let before: String?
    public let after: String?
    /// For a set exported on both sides: the members that appeared and those withdrawn, sorted.
    public let added: [String]
    public let removed: [String]
    /// The field is a set of members (routes, prefixes, …), not one value.
    public let isSet: Bool
    /// The field is a secret (a pre-shared key): `before` and `after` are `secretShown` /
    /// `secretChanged`, never the value; the key is compared by a per-process fingerprint.
    public let isSecret: Bool

    public init(
        field: String, before: String?, after: String?, added: [String] = [], removed: [String] = [],
        isSet: Bool = false, isSecret: Bool = false
    ) {
        self.isSecret = isSecret
        self.field = field
        self.before = before
        self.after = after
        self.added = added
        self.removed = removed
        self.isSet = isSet
    }

    /// What is shown when a snapshot does not report the field.
    public static let notExported = "not exported"
    /// What is shown for a secret's value: never the value.
    public static let secretShown = "(not shown)"
    public static let secretChanged = "changed (not shown)"

    /// `attached to: vgw-0a1 → tgw-0b2`, `routes learned by GCP: +10.1.0.0/16, −10.2.0.0/16`.
    public var description: String {
        if isSecret, before != nil, after != nil { return "\(field) changed" }
        if isSet, before != nil, after != nil {
            let parts = added.map { "+\($0)" } + removed.map { "−\($0)" }
            return "\(field): \(parts.joined(separator: ", "))"
        }
        return "\(field): \(before ?? Self.notExported) → \(after ?? Self.notExported)"
    }
}

/// How one element differs between the snapshots.
public struct ElementChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        case removed
        case changed
        /// The same element attached elsewhere (a VPN connection from a VGW to a TGW), or the same
        /// thing under a new ID (a tunnel's outside IP on a new connection).
        case moved
        /// In AFTER only, and BEFORE exported nothing of its kind in its account or project: the
        /// exports cannot say whether it is new.
        case notExportedBefore = "not-exported-before"
        /// In BEFORE only, and AFTER exported nothing of its kind in its account or project: not
        /// removed, not exported.
        case notExportedAfter = "not-exported-after"

        public var word: String {
            switch self {
            case .added: "added"
            case .removed: "removed"
            case .changed: "changed"
            case .moved: "moved"
            case .notExportedBefore: "not exported before"
            case .notExportedAfter: "not exported after"
            }
        }
    }

    /// The element directory's ID (AFTER's for everything but removed elements, BEFORE's for those).
    public let id: String
    /// For an element matched under another ID (moved): its ID in BEFORE.
    public let previousID: String?
    public let kind: Kind
    public let elementKind: DirectoryEntry.Kind
    public let group: DiffGroup
    /// How the views name it (`VPN connection gcp-link-a (vpn-0aa…)`).
    public let label: String
    /// The fields that differ (for an element on one side only: its values on that side).
    public let fields: [FieldChange]
    /// For a moved element: where from and where to (`vgw-0a1` → `tgw-0b2`, or the old and new ID).
    public let movedFrom: String?
    public let movedTo: String?

    public init(
        id: String, previousID: String? = nil, kind: Kind, elementKind: DirectoryEntry.Kind, group: DiffGroup,
        label: String, fields: [FieldChange] = [], movedFrom: String? = nil, movedTo: String? = nil
    ) {
        self.id = id
        self.previousID = previousID
        self.kind = kind
        self.elementKind = elementKind
        self.group = group
        self.label = label
        self.fields = fields
        self.movedFrom = movedFrom
        self.movedTo = movedTo
    }

    /// `moved: vgw-0a1 → tgw-0b2`, `added`, `changed`.
    public var summary: String {
        if kind == .moved, let from = movedFrom, let to = movedTo { return "moved: \(from) → \(to)" }
        return kind.word
    }
}

/// A finding that appeared, cleared or changed between the snapshots, keyed by its rule and the
/// resources it names (not by its position in the list).
public struct FindingChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case appeared
        case cleared
        /// Same rule and resources, another severity or message.
        case changed
    }

    /// `rule|resource,resource` (resources sorted; a file path relative to its side's root): stable
    /// across snapshots.
    public let key: String
    public let kind: Kind
    public let rule: String
    public let resources: [String]
    /// The finding in BEFORE (cleared, changed) and AFTER (appeared, changed).
    public let before: Finding?
    public let after: Finding?

    public init(key: String, kind: Kind, rule: String, resources: [String], before: Finding?, after: Finding?) {
        self.key = key
        self.kind = kind
        self.rule = rule
        self.resources = resources
        self.before = before
        self.after = after
    }

    /// The finding as it stands (AFTER's, else BEFORE's).
    public var finding: Finding { (after ?? before)! }

    /// The stable key of a finding: its rule and the resources it names, sorted (as they are; the
    /// diff also makes file paths relative to their side's root).
    public static func key(of finding: Finding) -> String {
        finding.rule + "|" + finding.resources.sorted().joined(separator: ",")
    }
}

/// What differs between two loaded snapshots of a network (BEFORE and AFTER): elements added,
/// removed, changed and moved, grouped like the views, and the findings that appeared or cleared.
/// Elements are matched by the element directory's IDs, so a view can mark each element with
/// `change(of:)`; everything is indexed by key (no quadratic matching).
///
///     let diff = SnapshotDiff(before: Analysis(model: old.model), after: Analysis(model: new.model))
///     diff.isEmpty                        // identical as far as the exports say
///     diff.change(of: "vpn-0aa11bb22cc33dd44")?.summary   // "moved: vgw-… → tgw-…"
///     diff.changes(in: .tunnels)
public struct SnapshotDiff: Sendable {
    /// Every element change, by group, then kind of element, then ID.
    public let changes: [ElementChange]
    /// Findings that appeared, cleared or changed, most severe first, then by key.
    public let findings: [FindingChange]
    private let byID: [String: Int]
    private let byPreviousID: [String: Int]

    /// `beforeRoots`/`afterRoots`: the folders each side was read from. Findings about the input
    /// (`incomplete-input`) name files by path; under its side's root a file is matched by its
    /// path inside the root, so the same snapshot copied elsewhere compares equal.
    public init(before: Analysis, after: Analysis, beforeRoots: [String] = [], afterRoots: [String] = []) {
        let result = DiffEngine(before: before, after: after)
        changes = result.changes
        findings = FindingDiff.changes(
            before: before.findings, after: after.findings, beforeRoots: beforeRoots, afterRoots: afterRoots)
        var byID: [String: Int] = [:]
        var byPreviousID: [String: Int] = [:]
        byID.reserveCapacity(changes.count)
        for (i, change) in changes.enumerated() {
            if byID[change.id] == nil { byID[change.id] = i }
            if let previous = change.previousID, byPreviousID[previous] == nil { byPreviousID[previous] = i }
        }
        self.byID = byID
        self.byPreviousID = byPreviousID
    }

    /// How the element with this directory ID (AFTER's, or BEFORE's for a removed or renamed one)
    /// differs; nil when it is the same in both snapshots.
    public func change(of elementID: String) -> ElementChange? {
        if let i = byID[elementID] { return changes[i] }
        return byPreviousID[elementID].map { changes[$0] }
    }

    public func changes(in group: DiffGroup) -> [ElementChange] { changes.filter { $0.group == group } }

    /// Nothing differs: the same elements with the same fields, and the same findings.
    public var isEmpty: Bool { changes.isEmpty && findings.isEmpty }

    /// How many changes of each kind a group holds (for a summary line).
    public func counts(in group: DiffGroup) -> [ElementChange.Kind: Int] {
        var counts: [ElementChange.Kind: Int] = [:]
        for change in changes where change.group == group { counts[change.kind, default: 0] += 1 }
        return counts
    }
}
