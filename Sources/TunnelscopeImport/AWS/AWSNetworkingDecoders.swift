import TunnelscopeModel

/// `describe-vpcs`, `describe-subnets`, `describe-route-tables`, `describe-vpc-peering-connections`.
enum AWSNetworkingDecoders {
    static func vpc(_ n: Node) throws(DecodeError) -> AWSVpc {
        var cidrs: [CIDR] = []
        for association in n.array("CidrBlockAssociationSet") {
            let state = association.object("CidrBlockState")?.string("State")
            if state == nil || state == "associated", let cidr = association.cidr("CidrBlock").cidr {
                cidrs.append(cidr)
            }
        }
        if let primary = n.cidr("CidrBlock").cidr, !cidrs.contains(primary) { cidrs.insert(primary, at: 0) }
        return AWSVpc(
            id: try n.required("VpcId"), accountId: n.string("OwnerId"), region: nil, cidrs: cidrs,
            isDefault: n.bool("IsDefault") ?? false, state: n.string("State"), tags: n.tags(), source: n.source)
    }

    static func subnet(_ n: Node) throws(DecodeError) -> AWSSubnet {
        AWSSubnet(
            id: try n.required("SubnetId"), vpcId: n.context.intern(try n.required("VpcId")),
            accountId: n.string("OwnerId") ?? ARN(n.string("SubnetArn"))?.account,
            cidr: n.cidr("CidrBlock").cidr, availabilityZone: n.string("AvailabilityZone"),
            state: n.string("State"), tags: n.tags(), source: n.source)
    }

    static func routeTable(_ n: Node) throws(DecodeError) -> AWSRouteTable {
        let associations = n.array("Associations")
        let routes = AWSRouteItems.routes(of: n) ?? routes(n)
        return AWSRouteTable(
            id: try n.required("RouteTableId"), vpcId: n.context.intern(try n.required("VpcId")),
            accountId: n.string("OwnerId"),
            isMain: associations.contains { $0.bool("Main") == true },
            subnetIds: associations.compactMap { $0.string("SubnetId") },
            propagatingVgwIds: n.array("PropagatingVgws").compactMap { $0.string("GatewayId") },
            routes: routes, tags: n.tags(), source: n.source)
    }

    /// The routes of route table `n`, field by field (`AWSRouteItems` reads the usual ones faster).
    static func routes(_ n: Node) -> [AWSRoute] {
        let items = n.array("Routes")
        // As many routes as items (compactMap's growing array would leave up to half of it unused).
        var routes: [AWSRoute] = []
        routes.reserveCapacity(items.count)
        for r in items {
            let destination = r.cidr("DestinationCidrBlock")
            guard
                let text = destination.text ?? r.string("DestinationIpv6CidrBlock")
                    ?? r.string("DestinationPrefixListId")
            else {
                r.context.warn(r.path, "route without a destination; ignored")
                continue
            }
            routes.append(
                AWSRoute(
                    destination: destination.cidr, destinationText: text, target: target(r),
                    state: r.string("State").map(r.context.intern), origin: r.string("Origin").map(r.context.intern)))
        }
        return routes
    }

    /// The fields that name a route's target, in the order it is chosen: the first one present.
    static let targetKeys = [
        "GatewayId", "TransitGatewayId", "VpcPeeringConnectionId", "NatGatewayId", "InstanceId", "NetworkInterfaceId",
        "EgressOnlyInternetGatewayId", "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn", "OdbNetworkArn",
    ]

    static func target(_ r: Node) -> AWSRouteTarget {
        for (key, name) in targetKeys.enumerated() {
            if let id = r.sharedString(name) { return target(key: key, id: id) }
        }
        return .none
    }

    /// The target named by `id` in field `targetKeys[key]`.
    static func target(key: Int, id: String) -> AWSRouteTarget {
        switch key {
        case 0:
            if id == "local" { return .local }
            if id.hasPrefix("vgw-") { return .vpnGateway(id) }
            if id.hasPrefix("igw-") { return .internetGateway(id) }
            return .other(kind: "gateway", id: id)
        case 1: return .transitGateway(id)
        case 2: return .peering(id)
        case 3: return .natGateway(id)
        default: return .other(kind: targetKeys[key], id: id)
        }
    }

    static func peering(_ n: Node) throws(DecodeError) -> AWSVpcPeering {
        func side(_ key: String) throws(DecodeError) -> AWSPeeringSide {
            guard let info = n.object(key) else { throw DecodeError(path: n.path, message: "missing \(key)") }
            var cidrs = info.array("CidrBlockSet").compactMap { $0.cidr("CidrBlock").cidr }
            if let primary = info.cidr("CidrBlock").cidr, !cidrs.contains(primary) { cidrs.insert(primary, at: 0) }
            return AWSPeeringSide(
                vpcId: try info.required("VpcId"), accountId: info.string("OwnerId"),
                region: info.string("Region"), cidrs: cidrs)
        }
        if let code = n.object("Status")?.string("Code"), ["deleted", "rejected", "expired", "failed"].contains(code) {
            throw DecodeError(path: n.path + ".Status.Code", message: "peering is \(code); not part of the network")
        }
        return AWSVpcPeering(
            id: try n.required("VpcPeeringConnectionId"), requester: try side("RequesterVpcInfo"),
            accepter: try side("AccepterVpcInfo"), status: n.object("Status")?.string("Code"),
            tags: n.tags(), source: n.source)
    }
}
