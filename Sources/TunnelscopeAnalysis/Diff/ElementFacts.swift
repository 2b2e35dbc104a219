import TunnelscopeModel

/// What one snapshot reports about one element, as named fields: what the diff compares.
struct ElementFacts: Sendable {
    enum Value: Sendable, Equatable {
        /// nil: not exported.
        case scalar(String?)
        /// nil: not exported.
        case set(Set<String>?)
        /// A secret's per-process fingerprint: compared, never shown. nil: not exported.
        case secret(SecretFingerprint?)
        /// A VPC route table's routes as exported: compared as they are (hundreds of thousands in a
        /// large network), made into a set of texts only when they differ.
        case routes([AWSRoute])
    }

    struct Field: Sendable {
        let name: String
        let value: Value
        /// A change of this field is a move (`attached to`, `VPN connection`), not an edit.
        let moves: Bool
    }

    let id: String
    let kind: DirectoryEntry.Kind
    let group: DiffGroup
    /// The account or project it belongs to ("" when the exports do not say): an element absent
    /// from a snapshot that exported nothing of its kind there is "not exported", not removed.
    let scope: String
    /// A key that finds the same element under another ID (a VPN connection's outside IPs, a GCP
    /// tunnel's name), or nil.
    let matchKey: String?
    private(set) var fields: [Field] = []

    init(_ id: String, _ kind: DirectoryEntry.Kind, _ group: DiffGroup, scope: String?, matchKey: String? = nil) {
        self.id = id
        self.kind = kind
        self.group = group
        self.scope = scope ?? ""
        self.matchKey = matchKey
    }

    /// A one-value field; nil: not exported. An empty value exported as such reads `(empty)`.
    mutating func add(_ name: String, _ value: String?, moves: Bool = false) {
        fields.append(Field(name: name, value: .scalar(value.map { $0.isEmpty ? "(empty)" : $0 }), moves: moves))
    }

    mutating func add(_ name: String, _ value: Int?) { add(name, value.map(String.init)) }

    mutating func add(_ name: String, _ value: Bool) { add(name, value ? "yes" : "no") }

    /// A secret (a pre-shared key) by its fingerprint: the diff says only whether it changed.
    mutating func add(secret name: String, _ fingerprint: SecretFingerprint?) {
        fields.append(Field(name: name, value: .secret(fingerprint), moves: false))
    }

    /// A VPC route table's routes (compared as exported; texts only for a table that differs).
    mutating func add(routes name: String, _ routes: [AWSRoute]) {
        fields.append(Field(name: name, value: .routes(routes), moves: false))
    }

    /// A set of members (prefixes, routes, IDs); nil: not exported.
    mutating func add<S: Sequence>(set name: String, _ members: S?) where S.Element: CustomStringConvertible {
        fields.append(Field(name: name, value: .set(members.map { Set($0.map(\.description)) }), moves: false))
    }
}

/// The facts of every element of one snapshot, by ID, in the order they were described.
struct SnapshotFacts: Sendable {
    private(set) var elements: [ElementFacts] = []
    private(set) var byID: [String: Int] = [:]
    /// `kind|scope` and `kind` of every element: what the snapshot exported.
    private(set) var coverage: Set<String> = []

    mutating func append(_ facts: ElementFacts) {
        guard byID[facts.id] == nil else { return }
        byID[facts.id] = elements.count
        elements.append(facts)
        coverage.insert(facts.kind.rawValue + "|" + facts.scope)
        coverage.insert(facts.kind.rawValue)
    }

    subscript(id: String) -> ElementFacts? { byID[id].map { elements[$0] } }

    /// Whether this snapshot exported elements of this kind where `facts` lives (its account or
    /// project; any, when that is unknown).
    func covers(_ facts: ElementFacts) -> Bool {
        coverage.contains(facts.kind.rawValue + "|" + facts.scope)
            || (facts.scope.isEmpty && coverage.contains(facts.kind.rawValue))
    }
}

extension Health {
    /// The word a diff shows for a verdict.
    var diffWord: String {
        switch self {
        case .ok: "ok"
        case .unknown: "unknown"
        case .degraded: "degraded"
        case .down: "down"
        }
    }
}
