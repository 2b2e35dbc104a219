import TunnelscopeModel

/// The tunnels of the topology: each an edge from its VPN connection (or site) to the HA VPN
/// gateway at the other end, labelled with its number, outside IP, GCP name and verdict.
extension TopologyBuilder {
    // MARK: Tunnels

    mutating func tunnels() {
        var siteOfGateway: [String: String] = [:]
        for site in model.onPremSites {
            for cgw in site.customerGatewayIds where siteOfGateway[cgw] == nil { siteOfGateway[cgw] = site.id }
        }
        var haOfIp: [IPv4Address: String] = [:]
        for gateway in model.haVpnGateways {
            for interface in gateway.interfaces {
                if let ip = interface.ipAddress, haOfIp[ip] == nil { haOfIp[ip] = gateway.ref.id }
            }
        }
        var missingGCP: Int?
        var siteTunnels: [Int: [TopologyGraph.Mark: Int]] = [:]
        var missingAWS: Int?
        for tunnel in model.tunnels {
            let label = tunnelLabel(tunnel)
            let mark = marks.mark(tunnel.id)
            switch (tunnel.aws, tunnel.gcp) {
            case (let aws?, _) where sitesGrouped && siteConnections.contains(aws.vpnConnectionId):
                if let hub = (aws.transitGatewayId ?? aws.vpnGatewayId).flatMap({ nodeOf[$0] }) {
                    siteTunnels[hub, default: [:]][mark, default: 0] += 1
                }
            case (let aws?, let gcp):
                guard let from = nodeOf[aws.vpnConnectionId] else { continue }
                if let ha = gcp?.haGateway?.id ?? aws.customerGatewayIp.flatMap({ haOfIp[$0] }), let to = nodeOf[ha] {
                    graph.edge(from, to, label, mark)
                } else if let site = aws.customerGatewayId.flatMap({ siteOfGateway[$0] }), let s = nodeOf[site] {
                    graph.edge(s, from, label, mark)
                } else if tunnel.isCrossCloud {
                    if missingGCP == nil {
                        missingGCP = graph.node(["GCP side not in the exports"], element: nil, in: nil, mark: .unknown)
                    }
                    graph.edge(from, missingGCP!, label, mark)
                }
            case (nil, let gcp?):
                guard let ha = gcp.haGateway?.id, let to = nodeOf[ha] else { continue }
                let from: Int
                if let peer = gcp.peerGateway?.id, let p = nodeOf[peer] {
                    from = p
                } else {
                    if missingAWS == nil {
                        missingAWS = graph.node(
                            [tunnel.isCrossCloud ? "AWS side not in the exports" : "peer not in the exports"],
                            element: nil, in: nil, mark: .unknown)
                    }
                    from = missingAWS!
                }
                graph.edge(from, to, label, mark)
            case (nil, nil): continue
            }
        }
        groupedSiteEdges(siteTunnels, "VPN tunnel")
    }

    /// "tunnel 1 · 52.1.20.21 · UP" (the verdict's word), the GCP tunnel's name, a what-if note.
    func tunnelLabel(_ tunnel: PhysicalTunnel) -> String {
        var parts: [String] = []
        if let aws = tunnel.aws { parts.append("tunnel \(aws.tunnelNumber)") }
        if let ip = tunnel.outsideIp { parts.append(ip.description) }
        if let gcp = tunnel.gcp { parts.append(gcp.tunnel.name) }
        if let verdict = marks.verdicts.tunnel(tunnel.id) {
            parts.append(verdict.word + (verdict.hasDisagreement ? " (sides disagree)" : ""))
        }
        if let note = marks.note(tunnel.id) { parts.append(note) }
        // Commas: some renderers split an edge label's text by bytes, and `·` is two.
        return parts.joined(separator: ", ")
    }
}
