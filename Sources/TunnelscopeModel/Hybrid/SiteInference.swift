/// Finds on-prem sites: the annotations file names them; otherwise every customer gateway that
/// is not a GCP HA VPN interface and every Direct Connect gateway is a site of its own.
/// Each site also gets the prefixes AWS learns from it: the TGW's routes via its attachments, a
/// VGW's propagated routes in VPC route tables (when the VGW has only that site behind it), and a
/// static VPN connection's routes.
struct SiteInference {
    private(set) var sites: [OnPremSite] = []
    private(set) var siteNameByCustomerGateway: [String: String] = [:]

    init(parts: ModelParts, gcpInterfaceIps: [IPv4Address: (GCPRef, Int)]) {
        var siteByCgw: [String: Int] = [:]
        var siteByDx: [String: Int] = [:]

        for annotation in parts.siteAnnotations {
            let index = sites.count
            let cgwIds = parts.customerGateways.filter { cgw in
                annotation.customerGatewayIds.contains(cgw.id)
                    || cgw.ipAddress.map { annotation.customerGatewayIps.contains($0) } == true
            }.map(\.id)
            sites.append(
                OnPremSite(
                    name: annotation.name, origin: .annotation, cidrs: annotation.cidrs,
                    customerGatewayIds: cgwIds, directConnectGatewayIds: annotation.directConnectGatewayIds,
                    note: annotation.note, source: annotation.source))
            cgwIds.forEach { siteByCgw[$0] = index }
            annotation.directConnectGatewayIds.forEach { siteByDx[$0] = index }
        }
        for cgw in parts.customerGateways where siteByCgw[cgw.id] == nil {
            if let ip = cgw.ipAddress, gcpInterfaceIps[ip] != nil { continue }
            siteByCgw[cgw.id] = sites.count
            let label =
                cgw.name.map { "\($0) (\(cgw.ipAddress?.description ?? cgw.id))" }
                ?? "site at \(cgw.ipAddress?.description ?? cgw.id)"
            sites.append(
                OnPremSite(
                    name: label, origin: .inferred, customerGatewayIds: [cgw.id],
                    note: "inferred from customer gateway \(cgw.id)", source: cgw.source))
        }
        let vifsByGateway = Dictionary(
            grouping: parts.virtualInterfaces.filter { $0.directConnectGatewayId != nil },
            by: { $0.directConnectGatewayId! })
        for dx in parts.directConnectGateways where siteByDx[dx.id] == nil {
            siteByDx[dx.id] = sites.count
            let location = vifsByGateway[dx.id]?.compactMap(\.location).first
            let label = "Direct Connect \(dx.name ?? dx.id)" + (location.map { " @ \($0)" } ?? "")
            sites.append(
                OnPremSite(
                    name: label, origin: .inferred, directConnectGatewayIds: [dx.id],
                    note: "inferred from Direct Connect gateway \(dx.id)", source: dx.source))
        }

        // What the TGW learns from each site's attachments (VPN connection → its CGW; DX gateway).
        var siteByResource: [String: Int] = [:]
        for connection in parts.vpnConnections {
            if let cgw = connection.customerGatewayId, let site = siteByCgw[cgw] {
                siteByResource[connection.id] = site
            }
        }
        for (dx, site) in siteByDx { siteByResource[dx] = site }
        var learned: [Int: Set<CIDR>] = [:]
        // The routes are read where they are (not copied into one list), and only when a site has
        // an attachment.
        func learn(from routes: [TGWRoute]) {
            for route in routes {
                guard let destination = route.destination else { continue }
                for target in route.targets {
                    if let resource = target.resourceId, let site = siteByResource[resource] {
                        learned[site, default: []].insert(destination)
                    }
                }
            }
        }
        if !siteByResource.isEmpty {
            for table in parts.tgwRouteTables { learn(from: table.routes) }
            for routes in parts.tgwRoutesByTable.values { learn(from: routes) }
        }
        // A VPN on a virtual private gateway: what the VGW propagates into VPC route tables (when
        // one site is behind that VGW), and a static connection's own routes.
        var sitesByVgw: [String: Set<Int>] = [:]
        for connection in parts.vpnConnections {
            guard let cgw = connection.customerGatewayId, let site = siteByCgw[cgw] else { continue }
            if let vgw = connection.vpnGatewayId, connection.transitGatewayId == nil {
                sitesByVgw[vgw, default: []].insert(site)
            }
            for prefix in connection.staticRoutes { learned[site, default: []].insert(prefix) }
        }
        for table in parts.routeTables where !sitesByVgw.isEmpty {
            for route in table.routes where route.origin == "EnableVgwRoutePropagation" {
                guard case .vpnGateway(let vgw) = route.target, let behind = sitesByVgw[vgw], behind.count == 1,
                    let site = behind.first, let destination = route.destination
                else { continue }
                learned[site, default: []].insert(destination)
            }
        }
        for (site, prefixes) in learned { sites[site].learnedPrefixes = prefixes.sorted() }
        for (cgw, site) in siteByCgw { siteNameByCustomerGateway[cgw] = sites[site].name }
    }
}
