import TunnelscopeModel

/// How bad a finding is. `error` makes `check` exit 1.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error
    case warning
    case info

    var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing the analysis noticed: a stable rule id, a one-line message a tired engineer
/// understands, the resources involved (IDs as the explorer and `--select`/`--fail` know them),
/// and where useful a hint on what to do.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var resources: [String]
    public var hint: String?

    public init(rule: String, severity: Severity, message: String, resources: [String], hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.resources = resources
        self.hint = hint
    }
}
