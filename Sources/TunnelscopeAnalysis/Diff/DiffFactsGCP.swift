import TunnelscopeModel

/// The facts the diff compares for the GCP side (HA VPN, peer gateways, Cloud Routers, BGP
/// sessions), the Shared VPC (projects, networks, subnets) and the peered services.
extension SnapshotFacts {
    mutating func describeGCP(_ model: NetworkModel, _ verdicts: Verdicts) {
        for g in model.haVpnGateways {
            var f = ElementFacts(g.ref.id, .haGateway, .gcp, scope: g.ref.project)
            f.add("network", g.network?.id)
            f.add(set: "interfaces", Self.interfaces(g.interfaces))
            f.add("health", verdicts.health(of: g.ref.id).diffWord)
            append(f)
            for i in g.interfaces {
                let id = g.ref.interfaceID(i.id)
                var fi = ElementFacts(id, .haInterface, .gcp, scope: g.ref.project)
                fi.add("IP address", i.ipAddress?.description)
                fi.add("health", verdicts.health(of: id).diffWord)
                append(fi)
            }
        }
        for g in model.externalVpnGateways {
            var f = ElementFacts(g.ref.id, .peerGateway, .gcp, scope: g.ref.project)
            f.add("redundancy", g.redundancyType)
            f.add(set: "interfaces", Self.interfaces(g.interfaces))
            f.add("health", verdicts.health(of: g.ref.id).diffWord)
            append(f)
            for i in g.interfaces {
                let id = g.ref.interfaceID(i.id)
                var fi = ElementFacts(id, .peerInterface, .gcp, scope: g.ref.project)
                fi.add("IP address", i.ipAddress?.description)
                append(fi)
            }
        }
        for r in model.cloudRouters {
            var f = ElementFacts(r.ref.id, .cloudRouter, .gcp, scope: r.ref.project)
            f.add("network", r.network?.id)
            f.add("ASN", r.asn)
            f.add("advertise mode", r.advertiseMode)
            f.add(set: "advertised groups", r.advertisedGroups)
            f.add(set: "advertised ranges", r.advertisedIpRanges)
            f.add(
                set: "interfaces",
                r.interfaces.map { i in
                    [i.name, i.ipRange?.description, i.linkedVpnTunnel.map { "tunnel \($0.name)" }].compactMap { $0 }
                        .joined(separator: " ")
                })
            f.add(
                set: "routes learned",
                r.hasStatus
                    ? r.bestRoutes.map { "\($0.destinationText) via \($0.nextHopIp ?? $0.nextHop.description)" } : nil)
            f.add("health", verdicts.health(of: r.ref.id).diffWord)
            append(f)
            for p in r.bgpPeers {
                let id = "\(r.ref.id)/bgpPeers/\(p.name)"
                var fp = ElementFacts(id, .bgpSession, .gcp, scope: r.ref.project)
                fp.add("interface", p.interfaceName)
                fp.add("GCP inside IP", p.ipAddress?.description)
                fp.add("peer inside IP", p.peerIpAddress?.description)
                fp.add("peer ASN", p.peerAsn)
                fp.add("enabled", p.enabled)
                fp.add("advertise mode", p.advertiseMode)
                fp.add("advertised route priority", p.advertisedRoutePriority)
                fp.add(set: "advertised ranges", p.advertisedIpRanges)
                fp.add("status", r.hasStatus ? p.status?.status : nil)
                fp.add("BGP state", r.hasStatus ? p.status?.state : nil)
                fp.add("routes learned (count)", p.status?.numLearnedRoutes)
                fp.add(set: "routes advertised", p.status?.advertisedRoutes)
                fp.add("health", verdicts.health(of: id).diffWord)
                append(fp)
            }
        }
    }

    mutating func describeSharedVPC(_ model: NetworkModel) {
        for p in model.gcpProjects {
            var f = ElementFacts("project/\(p.id)", .project, .sharedVPC, scope: nil)
            f.add("role", Self.roleWord(p.role))
            f.add("host project", p.hostProject)
            append(f)
        }
        var routesByNetwork: [String: [String]] = [:]
        for r in model.gcpRoutes {
            guard let network = r.network?.id else { continue }
            routesByNetwork[network, default: []].append(
                "\(r.destinationText) → \(r.nextHop)" + (r.priority.map { " priority \($0)" } ?? ""))
        }
        for n in model.gcpNetworks {
            var f = ElementFacts(n.ref.id, .gcpNetwork, .sharedVPC, scope: n.ref.project)
            f.add("subnet mode", n.subnetMode.rawValue.lowercased())
            f.add("routing mode", n.routingMode)
            f.add("MTU", n.mtu)
            f.add(set: "routes", routesByNetwork[n.ref.id] ?? [])
            append(f)
        }
        for s in model.gcpSubnets {
            var f = ElementFacts(s.ref.id, .gcpSubnet, .sharedVPC, scope: s.ref.project)
            f.add("network", s.network?.id, moves: true)
            f.add("range", s.cidr?.description)
            f.add(set: "secondary ranges", s.secondaryRanges.map { "\($0.name) \($0.cidr)" })
            f.add("purpose", s.purpose)
            append(f)
        }
    }

    static func roleWord(_ role: GCPProject.Role) -> String {
        switch role {
        case .sharedVPCHost: "Shared VPC host"
        case .sharedVPCService: "Shared VPC service project"
        case .standalone: "standalone"
        case .external: "external"
        }
    }

    mutating func describePeered(_ model: NetworkModel, _ verdicts: Verdicts) {
        for n in model.gcpNetworks {
            for p in n.peerings {
                var f = ElementFacts("\(n.ref.id)/peerings/\(p.name)", .gcpPeering, .peered, scope: n.ref.project)
                f.add("peer network", p.peerNetwork?.id ?? p.peerNetworkURL)
                f.add("state", p.state)
                f.add("exports custom routes", p.exportCustomRoutes)
                f.add("imports custom routes", p.importCustomRoutes)
                append(f)
            }
        }
        for r in model.redisInstances {
            var f = ElementFacts(r.id, .redis, .peered, scope: r.project)
            f.add("reserved range", r.reservedIpRange?.description ?? r.reservedIpRangeText)
            f.add("host", r.host?.description)
            f.add("authorized network", r.authorizedNetwork?.id, moves: true)
            f.add("connect mode", r.connectMode)
            f.add("tier", r.tier)
            f.add("state", r.state)
            f.add("health", verdicts.health(of: r.id).diffWord)
            append(f)
        }
        for p in model.vpcPeerings {
            var f = ElementFacts(p.id, .vpcPeering, .peered, scope: p.requester.accountId)
            f.add("status", p.status)
            f.add("requester", Self.side(p.requester))
            f.add("accepter", Self.side(p.accepter))
            append(f)
        }
    }

    static func side(_ s: AWSPeeringSide) -> String {
        ([s.vpcId, s.accountId, s.region].compactMap { $0 } + s.cidrs.map(\.description)).joined(separator: " ")
    }

    /// A gateway's interfaces (HA VPN or peer) as the diff compares them: `if0 35.242.1.10`.
    private static func interfaces(_ list: [GatewayInterface]) -> [String] {
        list.map { "if\($0.id) \($0.ipAddress?.description ?? "no IP")" }
    }
}
