/// Health of one physical tunnel and its BGP session, as each side reports it. The same
/// reading as the analysis: Cloud Router's view of BGP wins when it was exported.
extension PhysicalTunnel {
    /// The AWS end reports DOWN, or the GCP end reports anything but ESTABLISHED.
    public var isDown: Bool { awsDown || gcpDown }

    public var awsDown: Bool { aws?.tunnel.status == .down }

    public var gcpDown: Bool {
        guard let status = gcp?.tunnel.status else { return false }
        return status != "ESTABLISHED"
    }

    /// BGP is configured on this tunnel: a Cloud Router peer, or an AWS dynamic-routing VPN.
    public var hasBGP: Bool { gcp?.bgpPeer != nil || (aws.map { !$0.staticRoutesOnly } ?? false) }

    /// The BGP session is not up: Cloud Router says so (or the peer is disabled); without Cloud
    /// Router's status, AWS reports the tunnel DOWN, or UP with no accepted route.
    public var bgpDown: Bool {
        guard hasBGP, aws?.staticRoutesOnly != true else { return false }
        if let peer = gcp?.bgpPeer {
            if !peer.enabled { return true }
            if let status = peer.status?.status { return status != "UP" }
        }
        guard let aws else { return false }
        switch aws.tunnel.status {
        case .down: return true
        case .up: return aws.tunnel.acceptedRouteCount == 0
        case .unknown: return false
        }
    }
}
