import TunnelscopeModel

/// How an element is doing, as the analysis judges it. Views draw marks from this and nothing else.
public enum Health: Int, Sendable, Hashable, Comparable, CaseIterable {
    case ok = 0
    /// The exports do not say (no status was exported for it).
    case unknown = 1
    /// A warning names it, or part of what it depends on is down while the rest carries.
    case degraded = 2
    /// An error names it, or it carries nothing.
    case down = 3

    public static func < (lhs: Health, rhs: Health) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The health a finding of this severity gives the elements it names.
    public init(_ severity: Severity) {
        switch severity {
        case .error: self = .down
        case .warning: self = .degraded
        case .info: self = .ok
        }
    }
}

/// One layer on which the two clouds' ends of a tunnel disagree, as a mismatch finding says.
public struct Disagreement: Sendable, Hashable {
    /// `IPsec`, `BGP`, `routes`, `inside /30`, `ASN`, `one side only`.
    public let layer: String
    public let text: String
    /// The rule of the finding that reports it.
    public let rule: String
    /// Each side's value of the layer, as its exports report it (`IPsec DOWN`, `169.254.10.4/30`, …).
    public var aws: String = "?"
    public var gcp: String = "?"
}

/// The verdict on one physical tunnel: each side's view of each layer, what it carries, where the
/// sides disagree, and the findings that name it.
public struct TunnelVerdict: Sendable, Hashable {
    public let id: String
    public let index: Int
    public let state: TunnelState
    /// The tunnel carries routes now (IPsec up and, with BGP, the session up).
    public let carries: Bool
    /// Exactly the disagreements the mismatch findings (`status-mismatch`, `inside-address-mismatch`,
    /// `asn-mismatch`, `unmatched-tunnel`) report for this tunnel; empty: the sides agree.
    public let disagreements: [Disagreement]
    public let health: Health
    /// Indices into `Analysis.findings` of the findings that name this tunnel.
    public let findings: [Int]

    /// IPsec state as one word: `UP` / `DOWN` / `UP on AWS, DOWN on GCP` / `unknown`.
    public var ipsecText: String {
        switch (state.awsTunnel, state.gcpTunnel) {
        case (.up, .up): "UP both sides"
        case (.down, .down): "DOWN both sides"
        case (.up, .unknown): "UP (AWS)"
        case (.unknown, .up): "UP (GCP)"
        case (.down, .unknown): "DOWN (AWS)"
        case (.unknown, .down): "DOWN (GCP)"
        case (.unknown, .unknown): "unknown"
        case (let a, let g): "AWS \(a == .up ? "UP" : "DOWN"), GCP \(g == .up ? "UP" : "DOWN")"
        }
    }

    /// BGP as both sides report it: `AWS 4 routes accepted, GCP Established (UP, 5 learned)`.
    public var bgpText: String {
        if state.staticRouting { return "static routing" }
        guard state.bgpConfigured else { return "none" }
        var parts: [String] = []
        switch state.awsBGP {
        case .up:
            parts.append("AWS " + (state.awsAcceptedRoutes.map { "\($0) route\($0 == 1 ? "" : "s") accepted" } ?? "UP"))
        case .down: parts.append("AWS DOWN")
        case .unknown: break
        }
        switch state.gcpBGP {
        case .up: parts.append("GCP UP" + (state.gcpLearnedRoutes.map { ", \($0) learned" } ?? ""))
        case .down: parts.append("GCP " + (gcpFSM ?? "DOWN"))
        case .unknown: break
        }
        return parts.isEmpty ? "unknown" : parts.joined(separator: ", ")
    }

    var gcpFSM: String?
    /// An AWS ⇄ GCP tunnel (a one-sided one says which side reported it).
    var crossCloud = false

    /// `IPsec UP both sides · BGP: AWS 0 routes accepted, GCP Idle`.
    public var summary: String { "IPsec \(ipsecText) · BGP: \(bgpText)" }

    /// One word for a status column: UP, DOWN, BGP DOWN, NO ROUTES, ?.
    public var word: String {
        if !state.ipsecUp { return "DOWN" }
        if state.bgpDown { return state.awsLearnsNothing && state.gcpBGP == .unknown ? "NO ROUTES" : "BGP DOWN" }
        if state.oneWay { return state.carriesToAWS ? "ONE-WAY (GCP→AWS)" : "ONE-WAY (AWS→GCP)" }
        if !state.carries { return "NO ROUTES" }
        if state.awsTunnel == .unknown, state.gcpTunnel == .unknown { return "?" }
        if crossCloud, state.gcpTunnel == .unknown, state.awsTunnel == .up { return "UP (AWS only)" }
        if crossCloud, state.awsTunnel == .unknown, state.gcpTunnel == .up { return "UP (GCP only)" }
        return "UP"
    }

    public var hasDisagreement: Bool { !disagreements.isEmpty }
}
