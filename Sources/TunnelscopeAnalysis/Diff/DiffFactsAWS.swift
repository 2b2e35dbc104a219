import TunnelscopeModel

/// The facts the diff compares for the AWS side: the hub, the VPN connections and their gateways,
/// the VPCs, and on-prem (sites, Direct Connect).
extension SnapshotFacts {
    mutating func describeHub(_ model: NetworkModel, _ verdicts: Verdicts) {
        for g in model.transitGateways {
            var f = ElementFacts(g.id, .transitGateway, .hub, scope: g.accountId)
            f.add("name", g.name)
            f.add("state", g.state)
            f.add("Amazon side ASN", g.amazonSideAsn)
            f.add("VPN ECMP", g.vpnEcmpSupport)
            f.add("default association route table", g.defaultAssociationRouteTableId)
            f.add("default propagation route table", g.defaultPropagationRouteTableId)
            f.add("health", verdicts.health(of: g.id).diffWord)
            append(f)
        }
        for a in model.tgwAttachments {
            var f = ElementFacts(a.id, .tgwAttachment, .hub, scope: a.resourceOwnerId)
            f.add("name", a.name)
            f.add("transit gateway", a.transitGatewayId, moves: true)
            f.add("attaches", a.resourceType + (a.resourceId.map { " " + $0 } ?? ""))
            f.add("state", a.state)
            f.add("associated route table", a.associatedRouteTableId)
            f.add(set: "subnets", a.subnetIds)
            append(f)
        }
        for r in model.tgwRouteTables {
            var f = ElementFacts(r.id, .tgwRouteTable, .hub, scope: nil)
            f.add("name", r.name)
            f.add("transit gateway", r.transitGatewayId)
            f.add("state", r.state)
            f.add("default association", r.isDefaultAssociation)
            f.add("default propagation", r.isDefaultPropagation)
            f.add(set: "routes", r.routes.map(Self.text(of:)))
            f.add(
                set: "propagations",
                r.propagations.map { p in
                    [p.attachmentId, p.resourceId.map { "(\($0))" }, p.state].compactMap { $0 }.joined(separator: " ")
                })
            append(f)
        }
    }

    /// `10.10.0.0/16 → tgw-attach-0a1 (vpn-0b2) propagated active`.
    static func text(of route: TGWRoute) -> String {
        let targets = route.targets.map { t in
            (t.attachmentId ?? t.resourceId ?? "?")
                + (t.attachmentId != nil && t.resourceId != nil ? " (\(t.resourceId!))" : "")
        }.sorted()
        let target = targets.isEmpty ? "no target" : targets.joined(separator: " + ")
        return "\(route.destinationText) → \(target) "
            + [route.type, route.state].compactMap { $0 }.joined(separator: " ")
    }

    mutating func describeConnections(_ model: NetworkModel, _ verdicts: Verdicts) {
        for c in model.vpnConnections {
            let ips = c.tunnels.map(\.outsideIp).sorted()
            let cgwIp = c.customerGatewayId.flatMap { model.customerGateway($0)?.ipAddress }
            let key =
                ips.isEmpty
                ? nil : "vpn:" + ips.map(\.description).joined(separator: ",") + "|" + (cgwIp?.description ?? "")
            var f = ElementFacts(c.id, .vpnConnection, .connections, scope: c.accountId, matchKey: key)
            f.add("name", c.name)
            f.add("attached to", c.transitGatewayId ?? c.vpnGatewayId ?? "nothing", moves: true)
            f.add("state", c.state)
            f.add("customer gateway", c.customerGatewayId)
            f.add("routing", c.staticRoutesOnly ? "static" : "BGP")
            f.add("category", c.category)
            f.add(set: "static routes", c.staticRoutes)
            f.add(set: "tunnel outside IPs", ips)
            let verdict = verdicts.element(c.id)
            f.add("carrying", verdict.state)
            f.add("health", verdict.health.diffWord)
            append(f)
        }
        for g in model.customerGateways {
            var f = ElementFacts(g.id, .customerGateway, .connections, scope: g.accountId)
            f.add("name", g.name)
            f.add("IP address", g.ipAddress?.description)
            f.add("ASN", g.bgpAsn)
            f.add("state", g.state)
            f.add("health", verdicts.health(of: g.id).diffWord)
            append(f)
        }
        for g in model.vpnGateways {
            var f = ElementFacts(g.id, .vpnGateway, .connections, scope: g.accountId)
            f.add("name", g.name)
            f.add("state", g.state)
            f.add("Amazon side ASN", g.amazonSideAsn)
            f.add(set: "attached VPCs", g.attachedVpcIds)
            f.add("health", verdicts.health(of: g.id).diffWord)
            append(f)
        }
    }

    mutating func describeVPCs(_ model: NetworkModel) {
        for v in model.vpcs {
            var f = ElementFacts(v.id, .vpc, .vpcs, scope: v.accountId)
            f.add("name", v.name)
            f.add("state", v.state)
            f.add(set: "CIDRs", v.cidrs)
            f.add("region", v.region)
            f.add("default VPC", v.isDefault)
            append(f)
        }
        for s in model.subnets {
            var f = ElementFacts(s.id, .subnet, .vpcs, scope: s.accountId)
            f.add("name", s.name)
            f.add("VPC", s.vpcId, moves: true)
            f.add("CIDR", s.cidr?.description)
            f.add("availability zone", s.availabilityZone)
            f.add("state", s.state)
            append(f)
        }
        for r in model.routeTables {
            var f = ElementFacts(r.id, .routeTable, .vpcs, scope: r.accountId)
            f.add("name", r.tags["Name"])
            f.add("VPC", r.vpcId)
            f.add("main", r.isMain)
            f.add(set: "subnets", r.subnetIds)
            f.add(set: "route propagation from", r.propagatingVgwIds)
            f.add(routes: "routes", r.routes)
            append(f)
        }
    }

    /// `10.20.0.0/16 → tgw-0a1… active`.
    static func text(of route: AWSRoute) -> String {
        "\(route.destinationText) → \(route.target)" + (route.state.map { " \($0)" } ?? "")
    }

    mutating func describeOnPrem(_ model: NetworkModel, _ verdicts: Verdicts) {
        for s in model.onPremSites {
            var f = ElementFacts(s.id, .site, .onPrem, scope: nil)
            f.add("origin", s.origin.rawValue)
            f.add(set: "address ranges", s.cidrs)
            f.add(set: "prefixes the TGW learns", s.learnedPrefixes)
            f.add(set: "customer gateways", s.customerGatewayIds)
            f.add(set: "Direct Connect gateways", s.directConnectGatewayIds)
            f.add("health", verdicts.health(of: s.id).diffWord)
            append(f)
        }
        for d in model.directConnectGateways {
            var f = ElementFacts(d.id, .directConnectGateway, .onPrem, scope: d.accountId)
            f.add("name", d.name)
            f.add("state", d.state)
            f.add("Amazon side ASN", d.amazonSideAsn)
            f.add("health", verdicts.health(of: d.id).diffWord)
            append(f)
        }
        for v in model.virtualInterfaces {
            var f = ElementFacts(v.id, .virtualInterface, .onPrem, scope: v.accountId)
            f.add("name", v.name)
            f.add("type", v.type)
            f.add("state", v.state)
            f.add("attached to", v.directConnectGatewayId ?? v.vpnGatewayId ?? "nothing", moves: true)
            f.add("location", v.location)
            f.add("VLAN", v.vlan)
            f.add("ASN", v.asn)
            f.add(
                set: "BGP peers",
                v.bgpPeers.map { p in
                    "\(p.amazonAddress ?? "?") ⇄ \(p.customerAddress ?? "?") ASN \(p.asn.map(String.init) ?? "?") "
                        + (p.bgpStatus ?? "status not exported")
                })
            f.add("health", verdicts.health(of: v.id).diffWord)
            append(f)
        }
    }
}
