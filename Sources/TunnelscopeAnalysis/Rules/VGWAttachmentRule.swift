import TunnelscopeModel

/// vgw-attachment: a VPN connection ends on a virtual private gateway. Moving it to the Transit
/// Gateway later makes Cloud Router reconverge BGP (about 40 s of outage was observed). Warning
/// for a GCP-facing connection, info for one to an on-prem site (same migration cost, outside
/// the cross-cloud link).
enum VGWAttachmentRule: AnalysisRule {
    static let id = "vgw-attachment"
    static let summary =
        "A VPN connection is attached to a virtual private gateway: moving it to the Transit Gateway later costs a BGP reconvergence (~40 s outage)."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        c.model.vpnConnections.compactMap { connection in
            guard let vgw = connection.vpnGatewayId, connection.transitGatewayId == nil else { return nil }
            let tunnels = c.index.tunnelsByConnection[connection.id] ?? []
            let towardsGCP = tunnels.contains { c.model.tunnels[$0].isCrossCloud }
            let vpcs = c.index.vpnGateway(vgw)?.attachedVpcIds ?? []
            let tgw = c.model.transitGateways.first.map { " (\(c.index.transitGatewayName($0.id)) exists)" } ?? ""
            return Finding(
                rule: Self.id, severity: towardsGCP ? .warning : .info,
                message:
                    "VPN connection \(c.index.connectionName(connection.id)) ends on virtual private gateway \(vgw)"
                    + (vpcs.isEmpty ? "" : " of \(vpcs.map(c.index.vpcShortName).joined(separator: ", "))")
                    + ": moving it to a Transit Gateway later makes \(towardsGCP ? "Cloud Router" : "the peer") reconverge BGP (about 40 s of outage)",
                resources: [connection.id, vgw] + vpcs,
                hint:
                    "Attach new VPNs to the Transit Gateway\(tgw) from the start. To migrate, move one connection at a time (aws ec2 modify-vpn-connection --transit-gateway-id …) while the other carries the traffic, in a maintenance window."
            )
        }
    }
}
