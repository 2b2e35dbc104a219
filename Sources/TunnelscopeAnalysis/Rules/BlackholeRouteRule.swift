import TunnelscopeModel
import TunnelscopeText

/// blackhole-route: a VPC or TGW route in state `blackhole` (its target is gone, or a static TGW
/// blackhole). Error when it swallows traffic to a range someone owns; warning when the prefix is
/// unknown; for a deliberate static TGW blackhole (no attachment) info, or a warning when it wins
/// for a range someone owns. The owners it drops are named among the finding's resources.
enum BlackholeRouteRule: AnalysisRule {
    static let id = "blackhole-route"
    static let summary = "A VPC or TGW route to nowhere (state blackhole): traffic to its prefix is dropped."

    static func findings(_ c: AnalysisContext) -> [Finding] {
        var result: [Finding] = []
        // By position: a table or a route is copied only when it is a blackhole (most are not).
        let tables = c.model.routeTables
        for t in tables.indices {
            let routes = tables[t].routes
            for i in routes.indices where routes[i].isBlackhole {
                let table = tables[t]
                let route = routes[i]
                // Only ranges for which this route is the one that wins (no more specific route, such as
                // `local`, covers them) lose their traffic.
                let victims = Self.victims(of: route.destination, c) { overlap in
                    c.tables.vpc.longestMatch(table: table.id, containing: overlap)?.route == i
                }
                let target = route.target.description
                let known = knownTarget(route.target, c) ? "" : " (\(target) is not in the exports: deleted?)"
                let drops = victims.isEmpty ? "" : "; it drops traffic to \(victims.map(\.label).listed(limit: 3))"
                result.append(
                    Finding(
                        rule: Self.id, severity: victims.isEmpty ? .warning : .error,
                        message:
                            "Route \(route.destinationText) → \(target) in route table \(c.index.routeTableName(table)) of VPC \(c.index.vpcShortName(table.vpcId)) is a blackhole: its target no longer exists\(known)\(drops)",
                        resources: [table.id, table.vpcId] + (targetId(route.target).map { [$0] } ?? [])
                            + victims.map(\.resource),
                        hint:
                            "Delete it (\(Shell.command("aws", "ec2", "delete-route", "--route-table-id", table.id, "--destination-cidr-block", route.destinationText))) or point it at a live target."
                    ))
            }
        }
        for table in c.model.tgwRouteTables {
            let routes = table.routes
            for i in routes.indices where routes[i].isBlackhole {
                let route = routes[i]
                let deliberate = route.type == "static" && route.targets.isEmpty
                let victims = Self.victims(of: route.destination, c) { winner(in: table, for: $0, c) == i }
                let drops = victims.isEmpty ? "" : "; it drops traffic to \(victims.map(\.label).listed(limit: 3))"
                result.append(
                    Finding(
                        // A deliberate blackhole that swallows a range someone owns is still worth a look.
                        rule: Self.id,
                        severity: victims.isEmpty ? (deliberate ? .info : .warning) : deliberate ? .warning : .error,
                        message: deliberate
                            ? "TGW route table \(c.index.tgwRouteTableName(table.id)) blackholes \(route.destinationText) on purpose (static blackhole route)\(drops)"
                            : "TGW route \(route.destinationText) in \(c.index.tgwRouteTableName(table.id)) is a blackhole: its attachment is gone\(drops)",
                        resources: [table.id] + (table.transitGatewayId.map { [$0] } ?? [])
                            + route.targets.compactMap(\.attachmentId) + victims.map(\.resource),
                        hint: deliberate
                            ? (victims.isEmpty
                                ? "Nothing to do if intended."
                                : "If the owners of these ranges must be reached through this table, delete the route or narrow it.")
                            : "Delete the route or re-create the attachment it pointed to."))
            }
        }
        return result
    }

    /// The owners (not subnets) of ranges overlapping a blackhole's destination for which `wins`
    /// says the blackhole is the route chosen (asked with the smaller of the two ranges).
    static func victims(of destination: CIDR?, _ c: AnalysisContext, wins: (CIDR) -> Bool) -> [AddressOwner] {
        guard let d = destination?.normalized else { return [] }
        return c.space.owners(overlapping: d).filter { owner in
            guard owner.kind != .awsSubnet else { return false }
            return wins(owner.cidr.prefixLength >= d.prefixLength ? owner.cidr.normalized : d)
        }
    }

    /// The route of a TGW route table that wins for a range: the longest prefix; for one prefix a
    /// static route before propagated ones.
    static func winner(in table: TGWRouteTable, for range: CIDR, _ c: AnalysisContext) -> Int? {
        c.tables.tgw[table.id]?.first(containing: range) { _, indices in
            indices.first { table.routes[$0].type == "static" } ?? indices.first
        }
    }

    static func knownTarget(_ target: AWSRouteTarget, _ c: AnalysisContext) -> Bool {
        switch target {
        case .transitGateway(let id): c.model.transitGateway(id) != nil
        case .vpnGateway(let id): c.index.vpnGateway(id) != nil
        case .peering(let id): c.index.vpcPeeringById[id] != nil
        default: true
        }
    }

    static func targetId(_ target: AWSRouteTarget) -> String? {
        switch target {
        case .internetGateway(let id), .vpnGateway(let id), .transitGateway(let id), .peering(let id),
            .natGateway(let id):
            id
        case .other(_, let id): id
        case .local, .none: nil
        }
    }
}
