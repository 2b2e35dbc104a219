/// Health of one physical tunnel and its BGP session, as each side reports it.
extension PhysicalTunnel {
    /// The AWS end reports DOWN, or the GCP end reports anything but ESTABLISHED.
    public var isDown: Bool { awsDown || gcpDown }

    public var awsDown: Bool { aws?.tunnel.status == .down }

    public var gcpDown: Bool {
        guard let status = gcp?.tunnel.status else { return false }
        return status != "ESTABLISHED"
    }

    /// BGP is configured on this tunnel (a GCP BGP peer, or an AWS dynamic-routing VPN).
    public var hasBGP: Bool { gcp?.bgpPeer != nil || aws != nil }

    /// The BGP session is not up: Cloud Router says so, or (without GCP status) AWS reports
    /// the tunnel DOWN with no accepted routes.
    public var bgpDown: Bool {
        if let status = gcp?.bgpPeer?.status?.status { return status != "UP" }
        if let aws { return aws.tunnel.status == .down && (aws.tunnel.acceptedRouteCount ?? 0) == 0 }
        return false
    }
}
