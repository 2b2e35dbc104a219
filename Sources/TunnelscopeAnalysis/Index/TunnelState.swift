import TunnelscopeModel

/// What each side reports about one physical tunnel, per layer (IPsec, BGP), read once. This is
/// the only place the exported status fields are interpreted; every rule, the verdicts and so
/// every view read it.
///
/// AWS `VgwTelemetry`: `UP` means the tunnel is up (and, on a BGP connection, the session is
/// established); `DOWN` with `StatusMessage` `IPSEC IS UP` means IPsec is up but BGP is not;
/// any other `DOWN` means IPsec is down. `AcceptedRouteCount` is what AWS learned over it.
/// GCP: the tunnel `status` (`ESTABLISHED` or not) and Cloud Router `bgpPeerStatus`.
public struct TunnelState: Sendable, Hashable {
    public enum View: String, Sendable, Hashable { case up, down, unknown }

    /// AWS telemetry about IPsec.
    public let awsTunnel: View
    /// GCP `status`: ESTABLISHED is up, anything else down; unknown when GCP did not export it.
    public let gcpTunnel: View
    /// Cloud Router `bgpPeerStatus`: UP is up; a disabled peer is down; unknown without `get-status`.
    public let gcpBGP: View
    /// AWS telemetry about the BGP session: UP is established, DOWN (with IPsec up or down) is not.
    public let awsBGP: View
    /// `VgwTelemetry.AcceptedRouteCount`: routes AWS learned over this tunnel.
    public let awsAcceptedRoutes: Int?
    /// Cloud Router `numLearnedRoutes` for this tunnel's peer.
    public let gcpLearnedRoutes: Int?
    /// BGP is configured: a Cloud Router peer, or an AWS VPN connection that is not static-only.
    public let bgpConfigured: Bool
    public let staticRouting: Bool

    init(tunnel: PhysicalTunnel, staticRouting: Bool) {
        self.staticRouting = staticRouting
        bgpConfigured = tunnel.gcp?.bgpPeer != nil || (tunnel.aws != nil && !staticRouting)
        let ipsecUpMessage = tunnel.aws?.tunnel.statusMessage?.uppercased().contains("IPSEC IS UP") ?? false
        switch tunnel.aws?.tunnel.status {
        case .up?: awsTunnel = .up
        case .down?: awsTunnel = ipsecUpMessage ? .up : .down
        default: awsTunnel = .unknown
        }
        if let status = tunnel.gcp?.tunnel.status {
            gcpTunnel = status == "ESTABLISHED" ? .up : .down
        } else {
            gcpTunnel = .unknown
        }
        if let peer = tunnel.gcp?.bgpPeer {
            if !peer.enabled {
                gcpBGP = .down
            } else if let status = peer.status?.status {
                gcpBGP = status == "UP" ? .up : .down
            } else {
                gcpBGP = .unknown
            }
        } else {
            gcpBGP = .unknown
        }
        if let aws = tunnel.aws, !staticRouting {
            switch aws.tunnel.status {
            case .down: awsBGP = .down
            case .up: awsBGP = .up
            case .unknown: awsBGP = .unknown
            }
        } else {
            awsBGP = .unknown
        }
        awsAcceptedRoutes = tunnel.aws?.tunnel.acceptedRouteCount
        gcpLearnedRoutes = tunnel.gcp?.bgpPeer?.status?.numLearnedRoutes
    }

    /// IPsec is up as far as anyone knows: neither side reports it down.
    public var ipsecUp: Bool { awsTunnel != .down && gcpTunnel != .down }

    /// AWS has the session up but accepts no route over it.
    public var awsLearnsNothing: Bool { awsBGP == .up && awsAcceptedRoutes == 0 }

    /// The BGP session as the analysis judges it: down when either side reports it down (the side
    /// that reports DOWN is trusted: a session is not up on one end only), or, without Cloud
    /// Router's status, when AWS accepts no route over it; up when a side reports it up.
    public var bgp: View {
        guard bgpConfigured, !staticRouting else { return .unknown }
        if gcpBGP == .down || awsBGP == .down { return .down }
        if gcpBGP == .unknown, awsLearnsNothing { return .down }
        if gcpBGP == .up || awsBGP == .up { return .up }
        return .unknown
    }

    /// Traffic from AWS to the far end can use the tunnel: IPsec up and, with BGP, the session up
    /// with AWS accepting routes over it (with none accepted, AWS sends nothing through it).
    public var carriesToGCP: Bool {
        guard ipsecUp else { return false }
        if staticRouting || !bgpConfigured { return true }
        return bgp != .down && !awsLearnsNothing
    }

    /// Traffic from GCP (the far end) to AWS can use the tunnel: IPsec and the session up, and
    /// Cloud Router (when it says) learning routes over it.
    public var carriesToAWS: Bool {
        guard ipsecUp else { return false }
        if staticRouting || !bgpConfigured { return true }
        return bgp != .down && !(gcpBGP == .up && gcpLearnedRoutes == 0)
    }

    /// The tunnel carries traffic both ways.
    public var carries: Bool { carriesToGCP && carriesToAWS }

    /// Up, but carrying one way only (one side learns no route over it).
    public var oneWay: Bool { carriesToGCP != carriesToAWS }

    public var bgpDown: Bool { bgp == .down }
}
