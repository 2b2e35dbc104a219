import TunnelscopeModel

/// What each side says about one physical tunnel and its BGP session, read once.
struct TunnelState: Sendable {
    enum View: String, Sendable { case up, down, unknown }

    /// AWS telemetry: `UP`/`DOWN`; unknown without telemetry.
    let awsTunnel: View
    /// GCP `status`: ESTABLISHED is up, anything else down; unknown when GCP did not export it.
    let gcpTunnel: View
    /// Cloud Router `bgpPeerStatus`: UP is up; a disabled peer is down; unknown without `get-status`.
    let gcpBGP: View
    /// AWS telemetry: DOWN, or UP with no accepted route on a BGP connection, is down.
    let awsBGP: View
    let bgpConfigured: Bool
    let staticRouting: Bool

    init(tunnel: PhysicalTunnel, bgpConfigured: Bool, staticRouting: Bool) {
        self.bgpConfigured = bgpConfigured
        self.staticRouting = staticRouting
        switch tunnel.aws?.tunnel.status {
        case .up?: awsTunnel = .up
        case .down?: awsTunnel = .down
        default: awsTunnel = .unknown
        }
        if let status = tunnel.gcp?.tunnel.status { gcpTunnel = status == "ESTABLISHED" ? .up : .down } else { gcpTunnel = .unknown }
        if let peer = tunnel.gcp?.bgpPeer {
            if !peer.enabled { gcpBGP = .down }
            else if let status = peer.status?.status { gcpBGP = status == "UP" ? .up : .down }
            else { gcpBGP = .unknown }
        } else { gcpBGP = .unknown }
        if let aws = tunnel.aws, !staticRouting {
            switch aws.tunnel.status {
            case .down: awsBGP = .down
            case .up: awsBGP = aws.tunnel.acceptedRouteCount.map { $0 > 0 ? .up : .down } ?? .unknown
            case .unknown: awsBGP = .unknown
            }
        } else { awsBGP = .unknown }
    }

    /// IPsec is up as far as anyone knows: neither side reports it down.
    var ipsecUp: Bool { awsTunnel != .down && gcpTunnel != .down }

    /// The tunnel carries routes now: IPsec up and, with BGP, the session up. Cloud Router's view
    /// of BGP wins when it was exported; AWS telemetry decides otherwise.
    var carries: Bool {
        guard ipsecUp else { return false }
        if staticRouting || !bgpConfigured { return true }
        if gcpBGP != .unknown { return gcpBGP == .up }
        return awsBGP != .down
    }

    var bgpDown: Bool { bgpConfigured && !staticRouting && (gcpBGP == .down || (gcpBGP == .unknown && awsBGP == .down)) }
}
