import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel

/// Fields of any resource other than a physical tunnel, for the detail screen.
struct ResourceFacts {
    struct Facts {
        var title: String
        var role: Role
        var fields: [(String, String?, String?)] = []
        var related: [(String, String)] = []
        var source: SourceRef?
        /// Items of long lists (attachments, subnets, routes) left out by `limit`.
        var more = 0
    }

    let model: NetworkModel
    /// The analysis' verdicts, for elements whose state the analysis judges (BGP sessions).
    var verdicts: Verdicts? = nil
    /// The model's references by ID (built once per analysis).
    let lookups: ModelLookups
    /// At most this many items of each long list (a pane shows what fits; the detail screen all).
    var limit = Int.max

    /// The first `limit` items, made into fields or related rows; the others are counted in `more`.
    private func take<T>(_ positions: [Int]?, _ more: inout Int, _ make: (Int) -> T) -> [T] {
        let positions = positions ?? []
        more += max(0, positions.count - limit)
        return positions.prefix(limit).map(make)
    }

    func facts(for id: String) -> Facts? {
        let naming = Naming(model: model)
        func tags(_ t: [String: String]) -> String? {
            t.isEmpty ? nil : t.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        }

        if let tgw = model.transitGateway(id) {
            var f = Facts(title: "Transit Gateway \(naming.tgw(id))", role: .aws, source: tgw.source)
            f.fields = [
                ("ID", tgw.id, nil), ("account", tgw.accountId, nil), ("region", tgw.region, nil),
                ("Amazon-side ASN", tgw.amazonSideAsn.map(String.init), nil), ("state", tgw.state, nil),
                ("VPN ECMP", tgw.vpnEcmpSupport ? "enabled" : "disabled", nil), ("tags", tags(tgw.tags), nil),
            ]
            f.related = take(lookups.attachmentsByGateway[id], &f.more) { model.tgwAttachments[$0] }.map {
                let resource = $0.resourceId ?? $0.id
                let name =
                    $0.resourceType == "vpc"
                    ? naming.vpc(resource) : $0.resourceType == "vpn" ? naming.connection(resource) : resource
                return (
                    "\($0.resourceType) attachment \(Naming.nameAndId(name, resource))",
                    $0.resourceType == "vpc"
                        ? ($0.resourceId ?? $0.id) : $0.resourceType == "vpn" ? ($0.resourceId ?? $0.id) : $0.id
                )
            }
            return f
        }
        if let c = model.vpnConnection(id) {
            var f = Facts(title: "VPN connection \(naming.connection(id))", role: .aws, source: c.source)
            f.fields = [
                ("ID", c.id, nil), ("state", c.state, nil),
                (
                    "attached to",
                    c.transitGatewayId.map { Naming.nameAndId(naming.tgw($0), $0) }
                        ?? c.vpnGatewayId.map { Naming.nameAndId(naming.vgw($0), $0) },
                    c.transitGatewayId ?? c.vpnGatewayId
                ),
                (
                    "customer gateway", c.customerGatewayId.map { Naming.nameAndId(naming.customerGateway($0), $0) },
                    c.customerGatewayId
                ),
                ("routing", c.staticRoutesOnly ? "static" : "dynamic (BGP)", nil),
                (
                    "static routes",
                    c.staticRoutes.isEmpty ? nil : c.staticRoutes.map(\.description).joined(separator: ", "), nil
                ),
                ("pre-shared keys", "(never shown)", nil), ("tags", tags(c.tags), nil),
            ]
            f.related = model.tunnels.filter { $0.aws?.vpnConnectionId == id }.map {
                ("tunnel \($0.aws!.tunnelNumber) \($0.outsideIp?.description ?? "")", $0.id)
            }
            return f
        }
        if let g = model.customerGateway(id) {
            var f = Facts(title: "Customer gateway \(naming.customerGateway(id))", role: .aws, source: g.source)
            f.fields = [
                ("ID", g.id, nil), ("IP address", g.ipAddress?.description, nil),
                ("BGP ASN", g.bgpAsn.map(String.init), nil), ("state", g.state, nil), ("tags", tags(g.tags), nil),
            ]
            for gateway in model.haVpnGateways {
                for i in gateway.interfaces where i.ipAddress == g.ipAddress && g.ipAddress != nil {
                    f.fields.append(("is on GCP", "\(gateway.name) interface \(i.id)", gateway.ref.interfaceID(i.id)))
                }
            }
            f.related = model.vpnConnections.filter { $0.customerGatewayId == id }.map {
                ("VPN \(naming.connection($0.id))", $0.id)
            }
            return f
        }
        if let vpc = model.vpc(id) {
            var f = Facts(title: "VPC \(naming.vpc(id))", role: .aws, source: vpc.source)
            f.fields = [
                ("ID", vpc.id, nil), ("account", vpc.accountId, nil),
                ("CIDRs", vpc.cidrs.map(\.description).joined(separator: ", "), nil),
                ("default VPC", vpc.isDefault ? "yes" : nil, nil), ("tags", tags(vpc.tags), nil),
            ]
            f.related =
                take(lookups.subnetsByVpc[id], &f.more) { model.subnets[$0] }.map {
                    ("subnet \($0.name ?? $0.id) \($0.cidr?.description ?? "")", $0.id)
                }
                + take(lookups.attachmentsByResource[id], &f.more) { model.tgwAttachments[$0] }.map {
                    ("TGW attachment \($0.id) to \(naming.tgw($0.transitGatewayId))", $0.transitGatewayId)
                }
            for table in take(lookups.routeTablesByVpc[id], &f.more, { model.routeTables[$0] }) {
                f.fields.append(("route table", "\(table.id)\(table.isMain ? " (main)" : "")", nil))
                for route in table.routes {
                    f.fields.append(
                        (
                            "", "\(route.destinationText) → \(route.target)\(route.isBlackhole ? "  ✖ BLACKHOLE" : "")",
                            nil
                        ))
                }
            }
            return f
        }
        if let i = model.subnetIndex[id] {
            let s = model.subnets[i]
            return Facts(
                title: "Subnet \(s.name ?? s.id)", role: .aws,
                fields: [
                    ("ID", s.id, nil), ("VPC", naming.vpc(s.vpcId), s.vpcId), ("CIDR", s.cidr?.description, nil),
                    ("zone", s.availabilityZone, nil),
                ], source: s.source)
        }
        if let a = lookups.attachment[id].map({ model.tgwAttachments[$0] }) {
            return Facts(
                title: "TGW attachment \(a.id)", role: .aws,
                fields: [
                    ("type", a.resourceType, nil), ("resource", a.resourceId, a.resourceId),
                    ("owner", a.resourceOwnerId, nil), ("state", a.state, nil),
                    ("route table", a.associatedRouteTableId, nil),
                ], source: a.source)
        }
        if let v = model.vpnGateways.first(where: { $0.id == id }) {
            return Facts(
                title: "Virtual private gateway \(v.name ?? v.id)", role: .aws,
                fields: [
                    ("ID", v.id, nil), ("ASN", v.amazonSideAsn.map(String.init), nil),
                    ("VPCs", v.attachedVpcIds.joined(separator: ", "), v.attachedVpcIds.first),
                ], source: v.source)
        }
        if let d = model.directConnectGateways.first(where: { $0.id == id }) {
            var f = Facts(title: "Direct Connect gateway \(d.name ?? d.id)", role: .aws, source: d.source)
            f.fields = [
                ("ID", d.id, nil), ("ASN", d.amazonSideAsn.map(String.init), nil), ("state", d.state, nil),
                ("account", d.accountId, nil),
            ]
            f.related = model.virtualInterfaces.filter { $0.directConnectGatewayId == id }.map {
                ("VIF \($0.name ?? $0.id)", $0.id)
            }
            return f
        }
        if let v = model.virtualInterfaces.first(where: { $0.id == id }) {
            return Facts(
                title: "Virtual interface \(v.name ?? v.id)", role: .aws,
                fields: [
                    ("ID", v.id, nil), ("type", v.type, nil), ("state", v.state, nil), ("location", v.location, nil),
                    ("VLAN", v.vlan.map(String.init), nil), ("customer ASN", v.asn.map(String.init), nil),
                    (
                        "BGP",
                        v.bgpPeers.map {
                            "\($0.customerAddress ?? "?") ⇄ \($0.amazonAddress ?? "?") \($0.bgpStatus ?? "?")"
                        }.joined(separator: "; "), nil
                    ), ("auth key", "(never shown)", nil),
                ], source: v.source)
        }
        if let n = model.gcpNetworks.first(where: { $0.ref.id == id }) {
            var f = Facts(title: "GCP network \(n.project)/\(n.name)", role: .gcp, source: n.source)
            f.fields = [
                ("subnet mode", n.subnetMode.rawValue, nil), ("routing", n.routingMode, nil),
                ("MTU", n.mtu.map(String.init), nil),
            ]
            for p in n.peerings {
                f.fields.append(
                    (
                        "peering",
                        "\(p.name) → \(p.peerNetwork.map { "\($0.project)/\($0.name)" } ?? p.peerNetworkURL ?? "?") \(p.state ?? "")",
                        nil
                    ))
            }
            f.related = model.gcpSubnets.filter { $0.network == n.ref }.map {
                ("subnet \($0.name) \($0.cidr?.description ?? "")", $0.ref.id)
            }
            return f
        }
        if let s = model.gcpSubnets.first(where: { $0.ref.id == id }) {
            return Facts(
                title: "GCP subnet \(s.name)", role: .gcp,
                fields: [
                    ("project", s.ref.project, "project/\(s.ref.project)"), ("region", s.ref.region, nil),
                    ("network", s.network?.name, s.network?.id), ("range", s.cidr?.description, nil),
                    ("secondary", s.secondaryRanges.map { "\($0.name) \($0.cidr)" }.joined(separator: ", "), nil),
                    ("purpose", s.purpose, nil),
                ], source: s.source)
        }
        if let g = model.haVpnGateways.first(where: { id == $0.ref.id || id.hasPrefix($0.ref.id + "#") }) {
            var f = Facts(
                title: "HA VPN gateway \(g.name)\(id.contains("#") ? " " + id.split(separator: "#").last! : "")",
                role: .gcp, source: g.source)
            f.fields =
                [("ID", g.ref.id, nil), ("network", g.network?.name, g.network?.id)]
                + g.interfaces.map { ("interface \($0.id)", $0.ipAddress?.description, nil) }
            f.related = model.tunnels.filter {
                $0.gcp?.haGateway == g.ref && (id == g.ref.id || id == g.ref.interfaceID($0.gcp?.haInterface ?? -1))
            }.map { ("tunnel \($0.gcp!.tunnel.name)", $0.id) }
            return f
        }
        if let g = model.externalVpnGateways.first(where: { id == $0.ref.id || id.hasPrefix($0.ref.id + "#") }) {
            var f = Facts(title: "Peer VPN gateway \(g.name)", role: .gcp, source: g.source)
            f.fields =
                [("ID", g.ref.id, nil), ("redundancy", g.redundancyType, nil)]
                + g.interfaces.map { ("interface \($0.id)", $0.ipAddress?.description, nil) }
            f.related = model.tunnels.filter { $0.gcp?.peerGateway == g.ref }.map {
                ("tunnel \($0.gcp!.tunnel.name) ⇄ \($0.outsideIp?.description ?? "?")", $0.id)
            }
            return f
        }
        if let r = model.cloudRouters.first(where: { $0.ref.id == id }) {
            var f = Facts(title: "Cloud Router \(r.name)", role: .gcp, source: r.source)
            f.fields = [
                ("ID", r.ref.id, nil), ("ASN", r.asn.map(String.init), nil),
                ("advertise mode", r.advertiseMode ?? "DEFAULT", nil),
                (
                    "advertised",
                    (r.advertisedGroups + r.advertisedIpRanges.map(\.description)).joined(separator: ", "), nil
                ),
                ("best routes", r.hasStatus ? "\(r.bestRoutes.count)" : "unknown (no get-status export)", nil),
            ]
            for p in r.bgpPeers {
                f.fields.append(
                    (
                        "BGP peer",
                        "\(p.name)  \(p.ipAddress?.description ?? "?") ⇄ \(p.peerIpAddress?.description ?? "?")  ASN \(p.peerAsn.map(String.init) ?? "?")  \(p.enabled ? (p.status?.status ?? "status ?") : "DISABLED")\(p.advertiseMode == "CUSTOM" ? "  custom advertisement" : "")",
                        nil
                    ))
            }
            return f
        }
        if let r = model.redisInstances.first(where: { $0.id == id }) {
            return Facts(
                title: "Memorystore \(r.name)", role: .gcp,
                fields: [
                    ("project", r.project, "project/\(r.project)"), ("region", r.region, nil),
                    ("reserved range", r.reservedIpRangeText, nil),
                    ("endpoint", r.host.map { "\($0):\(r.port.map(String.init) ?? "?")" }, nil),
                    ("network", r.authorizedNetwork.map { "\($0.project)/\($0.name)" }, r.authorizedNetwork?.id),
                    ("connect mode", r.connectMode, nil), ("tier", r.tier, nil), ("state", r.state, nil),
                ], source: r.source)
        }
        if let s = model.onPremSite(id) {
            var f = Facts(title: "On-prem site \(s.name)", role: .onPrem, source: s.source)
            f.fields = [
                ("origin", s.origin == .annotation ? "annotations file" : "inferred", nil),
                ("ranges", s.cidrs.map(\.description).joined(separator: ", "), nil),
                ("advertises", s.learnedPrefixes.map(\.description).joined(separator: ", "), nil),
                ("note", s.note, nil),
            ]
            f.related =
                s.customerGatewayIds.map {
                    ("customer gateway \(Naming.nameAndId(naming.customerGateway($0), $0))", $0)
                }
                + s.directConnectGatewayIds.map { ("Direct Connect gateway \($0)", $0) }
            return f
        }
        if let t = lookups.routeTable[id].map({ model.routeTables[$0] }) {
            var f = Facts(title: "Route table \(t.tags["Name"] ?? t.id)", role: .aws, source: t.source)
            f.fields = [
                ("ID", t.id, nil), ("VPC", naming.vpc(t.vpcId), t.vpcId), ("main", t.isMain ? "yes" : "no", nil),
                ("subnets", t.subnetIds.isEmpty ? nil : t.subnetIds.joined(separator: ", "), nil),
            ]
            f.fields += t.routes.map { r in
                (
                    "route",
                    "\(r.destinationText) → \(r.target)\(r.isBlackhole ? "  BLACKHOLE" : "")\(r.origin.map { "  (\($0))" } ?? "")",
                    nil
                )
            }
            return f
        }
        if let t = model.tgwRouteTables.first(where: { $0.id == id }) {
            var f = Facts(title: "TGW route table \(t.name ?? t.id)", role: .aws, source: t.source)
            f.fields = [("ID", t.id, nil), ("Transit Gateway", t.transitGatewayId, t.transitGatewayId)]
            f.fields += t.routes.prefix(limit).map { r in
                (
                    "route",
                    "\(r.destination?.description ?? "?") → \(r.targets.compactMap { $0.resourceId ?? $0.attachmentId }.joined(separator: " + "))  \(r.type ?? "") \(r.state ?? "")",
                    nil
                )
            }
            f.more += max(0, t.routes.count - limit)
            f.related = take(lookups.attachmentsByRouteTable[id], &f.more) { model.tgwAttachments[$0] }.map {
                ("associated: \($0.resourceType) \($0.resourceId ?? $0.id)", $0.resourceId ?? $0.id)
            }
            return f
        }
        if let p = model.vpcPeerings.first(where: { $0.id == id }) {
            var f = Facts(title: "VPC peering \(p.tags["Name"] ?? p.id)", role: .aws, source: p.source)
            f.fields = [
                ("ID", p.id, nil), ("requester", p.requester.vpcId, p.requester.vpcId),
                ("accepter", p.accepter.vpcId, p.accepter.vpcId),
            ]
            return f
        }
        if let range = id.range(of: "/bgpPeers/"),
            let r = model.cloudRouters.first(where: { $0.ref.id == String(id[..<range.lowerBound]) }),
            let p = r.bgpPeers.first(where: { $0.name == String(id[range.upperBound...]) })
        {
            var f = Facts(title: "BGP session \(p.name) on \(r.name)", role: .gcp, source: r.source)
            f.fields = [
                ("router", r.name, r.ref.id),
                ("addresses", "\(p.ipAddress?.description ?? "?") ⇄ \(p.peerIpAddress?.description ?? "?")", nil),
                ("peer ASN", p.peerAsn.map(String.init), nil), ("enabled", p.enabled ? "yes" : "no", nil),
                (
                    "status",
                    p.status.map { "\($0.status ?? "?") (\($0.state ?? "?"))" } ?? "unknown (no get-status export)", nil
                ),
                ("learned routes", p.status?.numLearnedRoutes.map(String.init), nil), ("uptime", p.status?.uptime, nil),
                ("advertise mode", p.advertiseMode ?? "DEFAULT (the router's)", nil),
            ]
            // The analysis' verdict on the session (both sides), before Cloud Router's own fields.
            if let t = model.tunnels.first(where: { $0.gcp?.bgpPeer?.name == p.name && $0.gcp?.router == r.ref }),
                let verdict = verdicts?.tunnel(t.id)
            {
                f.fields.insert(
                    (
                        "verdict",
                        "BGP \(verdict.state.bgp == .up ? "UP" : verdict.state.bgp == .down ? "DOWN" : "unknown") · \(verdict.bgpText)",
                        nil
                    ), at: 0)
                f.fields += verdict.disagreements.map { ("≠ \($0.layer)", "AWS \($0.aws) · GCP \($0.gcp)", nil) }
            }
            f.related = model.tunnels.filter { $0.gcp?.bgpPeer?.name == p.name && $0.gcp?.router == r.ref }.map {
                ("tunnel \($0.outsideIp?.description ?? $0.id)", $0.id)
            }
            return f
        }
        if let range = id.range(of: "/peerings/"),
            let n = model.gcpNetworks.first(where: { $0.ref.id == String(id[..<range.lowerBound]) }),
            let p = n.peerings.first(where: { $0.name == String(id[range.upperBound...]) })
        {
            var f = Facts(title: "VPC peering \(p.name) of \(n.name)", role: .gcp, source: n.source)
            f.fields = [
                ("network", "\(n.project)/\(n.name)", n.ref.id),
                ("peer network", p.peerNetwork.map { "\($0.project)/\($0.name)" } ?? p.peerNetworkURL, nil),
                ("state", p.state, nil),
                ("export custom routes", p.exportCustomRoutes ? "yes" : "no", nil),
                ("import custom routes", p.importCustomRoutes ? "yes" : "no", nil),
            ]
            return f
        }
        if id.hasPrefix("project/"), let p = model.gcpProjects.first(where: { "project/\($0.id)" == id }) {
            var f = Facts(title: "GCP project \(naming.project(p.id))", role: .gcp)
            f.fields = [
                (
                    "role",
                    p.role == .sharedVPCHost
                        ? "Shared VPC host (network team)"
                        : p.role == .sharedVPCService ? "Shared VPC service project" : p.role.rawValue, nil
                ),
                ("host project", p.hostProject, p.hostProject.map { "project/\($0)" }),
            ]
            f.related =
                model.gcpNetworks.filter { $0.project == p.id }.map { ("network \($0.name)", $0.ref.id) }
                + model.redisInstances.filter { $0.project == p.id }.map { ("Memorystore \($0.name)", $0.id) }
                + (model.sharedVPCs.first { $0.hostProject == p.id }?.serviceProjects.map {
                    ("service project \($0)", "project/\($0)")
                } ?? [])
            return f
        }
        return nil
    }
}
