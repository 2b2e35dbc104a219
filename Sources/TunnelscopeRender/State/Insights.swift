import TunnelscopeAnalysis
import TunnelscopeModel

/// What the analysis says about the loaded network, in the form the views need. The app fills
/// it through an `InsightsProvider`, so the render layer does not depend on how analysis works.
public struct Insights: Sendable {
    public var findings: [Finding]
    /// Element IDs the user marked as failed (what-if), as resolved by the analysis.
    public var failed: Set<String>
    /// Physical tunnel IDs that do not survive the what-if (empty without one).
    public var lostTunnels: Set<String>
    /// Physical tunnel IDs whose BGP session does not survive.
    public var lostSessions: Set<String>
    /// Resources whose prefixes lose every path in the what-if (VPC, subnet, site IDs).
    public var lostOrigins: Set<String> = []
    /// One line per prefix that loses every path, e.g. "10.100.0.0/20 (GCP hub-east4): no path AWS ⇄ GCP".
    public var lostPrefixes: [String]
    /// A sentence on the cross-cloud link under the what-if, e.g. "link up on 2 of 4 tunnels".
    public var whatIfSummary: String?
    /// Lines for the Routes screen, per section title (advertised/learned per side).
    public var routeSections: [(title: String, lines: [String])]
    /// Counts for the header, as the analysis judges them (nil: count from the model).
    public var tunnelsDown: Int?
    public var bgpSessionsDown: Int?

    public init(findings: [Finding] = [], failed: Set<String> = [], lostTunnels: Set<String> = [],
                lostSessions: Set<String> = [], lostPrefixes: [String] = [], whatIfSummary: String? = nil,
                routeSections: [(title: String, lines: [String])] = []) {
        self.findings = findings; self.failed = failed; self.lostTunnels = lostTunnels
        self.lostSessions = lostSessions; self.lostPrefixes = lostPrefixes; self.whatIfSummary = whatIfSummary
        self.routeSections = routeSections
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// Findings that name `id`, worst first.
    public func findings(involving id: String) -> [Finding] {
        findings.filter { $0.resources.contains(id) }.sorted { $0.severity < $1.severity }
    }
}

