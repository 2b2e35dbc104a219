import TunnelscopeModel

/// Recognises each JSON document by its content (never its file name) and sends every resource
/// in it to its decoder.
struct Recognizer {
    /// Top-level keys of AWS CLI output → how to read their list.
    static let awsKeys: Set<String> = [
        "TransitGateways", "TransitGatewayAttachments", "TransitGatewayVpcAttachments", "TransitGatewayRouteTables",
        "Routes", "TransitGatewayRouteTablePropagations", "VpnConnections", "CustomerGateways", "VpnGateways",
        "Vpcs", "Subnets", "RouteTables", "VpcPeeringConnections", "directConnectGateways", "virtualInterfaces",
    ]

    static let gcpKinds: Set<String> = [
        "compute#vpnTunnel", "compute#vpnGateway", "compute#externalVpnGateway", "compute#router", "compute#route",
        "compute#network", "compute#subnetwork", "compute#routerStatusResponse", "compute#project",
        "compute#projectsGetXpnResources", "compute#xpnHostList",
    ]

    /// Reads one parsed document into the state. Returns what was recognised (empty: nothing).
    static func read(_ root: Node, file: String, into state: inout ImportState) -> [String] {
        var recognized: [String] = []
        switch root.kind {
        case .object:
            if root.child("tunnelscopeAnnotations") != nil {
                AnnotationsReader.read(root, into: &state)
                return ["tunnelscope:annotations"]
            }
            if root.child(ManifestReader.key) != nil {
                ManifestReader.read(root, file: file, into: &state)
                return ["tunnelscope:manifest"]
            }
            let aws = root.keys.filter { awsKeys.contains($0) }
            // `Routes` alone is too generic; it must look like search-transit-gateway-routes.
            let isRouteSearch =
                root.child("AdditionalRoutesAvailable") != nil
                || (root.child("Routes").map { $0.isArray ? root.array("Routes") : [$0] } ?? []).contains {
                    $0.child("TransitGatewayAttachments") != nil || $0.child("Type") != nil
                }
                || (root.keys == ["Routes"])
            for key in aws where key != "Routes" || isRouteSearch {
                readAWS(key, awsItems(key, root, into: &state), file: file, into: &state)
                recognized.append("aws:\(key)")
            }
            if !recognized.isEmpty { return recognized }
            // The output of create-/modify- commands: one resource under its singular name.
            for (key, list) in awsSingular.sorted(by: { $0.key < $1.key }) {
                guard let item = root.child(key), item.isObject, let id = awsLists[list]?.idKey,
                    item.child(id) != nil
                else { continue }
                let what = ImportState.readable(awsLists[list]!.kind)
                state.report.notes.append(
                    LoadMessage(
                        file: file, path: item.path,
                        text:
                            "\(key) (the output of a create- or modify- command) read as one \(what); the describe- command gives its current state"
                    ))
                readAWS(list, [item], file: file, into: &state)
                recognized.append("aws:\(key)")
            }
            if !recognized.isEmpty { return recognized }
            if let kind = root.string("kind") { return readGCP(kind: kind, root, file: file, into: &state) }
            if isRedis(root) { return [addRedis(root, into: &state)] }
            if let instances = readRedisList(root, file: file, into: &state) { return instances }
            // A REST list or aggregated list printed without its `kind` (API recordings).
            if root.child("items") != nil, wrapperItems(root).contains(where: { $0.string("kind") != nil }) {
                return readWrapper(root, file: file, into: &state)
            }
            return []
        case .array:
            let items = root.items
            if items.isEmpty { return ["empty list"] }
            var kinds: [String] = []
            var xpn: [Node] = []
            for item in items {
                if let kind = item.string("kind") {
                    kinds.append(contentsOf: readGCP(kind: kind, item, file: file, into: &state))
                } else if isRedisPlaceholder(item) {
                    state.report.notes.append(
                        LoadMessage(
                            file: file, path: item.path,
                            text:
                                "Memorystore could not list \(item.string("name").map(Node.shownKey) ?? "a region") (\(item.string("state").map(Node.shownKey) ?? "no state")): that region's instances are missing"
                        ))
                    kinds.append("gcp:redis#unreachable-region")
                } else if isRedis(item) {
                    kinds.append(addRedis(item, into: &state))
                } else if item.string("id") != nil, item.string("type") != nil {
                    xpn.append(item)
                } else {
                    state.report.count("unknown") { $0.seen += 1 }
                    let what =
                        !item.isObject
                        ? "not an object"
                        : item.keys.isEmpty
                            ? "not a resource this tool reads (an empty object)"
                            : "not a resource this tool reads (no kind, keys: \(item.keys.prefix(6).map(Node.shownKey).joined(separator: ", ")))"
                    state.skip("unknown", item, DecodeError(path: item.path, message: what))
                }
            }
            if !xpn.isEmpty {
                SharedVPCReader.readAssociated(xpn, file: file, into: &state)
                kinds.append("gcp:shared-vpc#associated-projects")
            }
            var seen = Set<String>()
            return kinds.filter { seen.insert($0).inserted }
        default:
            return []
        }
    }

    /// `redis instances list --region=-` adds an entry named `…/locations/REGION/instances/-` for
    /// each region the API could not reach; it is not an instance.
    static func isRedisPlaceholder(_ n: Node) -> Bool {
        guard let name = n.string("name") else { return false }
        return name.hasPrefix("projects/") && name.contains("/locations/") && name.hasSuffix("/instances/-")
    }

    private static func addRedis(_ n: Node, into state: inout ImportState) -> String {
        state.add("gcp:redis#instance", n, into: \.redisInstances, key: \.id, decode: GCPNetworkDecoders.redis)
        return "gcp:redis#instance"
    }

    /// The Memorystore REST list `{"instances": [...], "unreachable": [...]}` (gcloud prints a bare
    /// array). Nil when the document is not one.
    private static func readRedisList(_ root: Node, file: String, into state: inout ImportState) -> [String]? {
        guard let instances = root.child("instances"), instances.isArray,
            Set(root.keys).isSubset(of: ["instances", "unreachable", "nextPageToken"])
        else { return nil }
        let items = root.array("instances")
        guard !items.isEmpty, items.contains(where: isRedis) else { return nil }
        for item in items {
            if isRedis(item) {
                _ = addRedis(item, into: &state)
            } else {
                state.report.count("gcp:redis#instance") { $0.seen += 1 }
                state.skip(
                    "gcp:redis#instance", item, DecodeError(path: item.path, message: "not a Memorystore instance"))
            }
        }
        let unreachable = root.strings("unreachable")
        if !unreachable.isEmpty {
            state.report.notes.append(
                LoadMessage(
                    file: file, path: "$.unreachable",
                    text:
                        "Memorystore could not list \(unreachable.prefix(5).map(Node.shownKey).joined(separator: ", "))\(unreachable.count > 5 ? " … and \(unreachable.count - 5) more" : ""): those locations' instances are missing"
                ))
        }
        return ["gcp:redis#instance"]
    }

    static func isRedis(_ n: Node) -> Bool {
        guard let name = n.string("name") else { return false }
        return name.hasPrefix("projects/") && name.contains("/instances/")
            && (n.child("redisVersion") != nil || n.child("reservedIpRange") != nil
                || n.child("authorizedNetwork") != nil)
    }

    /// Each AWS list: the kind its items are counted as, and the member that identifies one.
    static let awsLists: [String: (kind: String, idKey: String)] = [
        "TransitGateways": ("aws:TransitGateway", "TransitGatewayId"),
        "TransitGatewayAttachments": ("aws:TransitGatewayAttachment", "TransitGatewayAttachmentId"),
        "TransitGatewayVpcAttachments": ("aws:TransitGatewayVpcAttachment", "TransitGatewayAttachmentId"),
        "TransitGatewayRouteTables": ("aws:TransitGatewayRouteTable", "TransitGatewayRouteTableId"),
        "Routes": ("aws:TransitGatewayRoute", "DestinationCidrBlock"),
        "TransitGatewayRouteTablePropagations": ("aws:TransitGatewayPropagation", "TransitGatewayAttachmentId"),
        "VpnConnections": ("aws:VpnConnection", "VpnConnectionId"),
        "CustomerGateways": ("aws:CustomerGateway", "CustomerGatewayId"),
        "VpnGateways": ("aws:VpnGateway", "VpnGatewayId"),
        "Vpcs": ("aws:Vpc", "VpcId"),
        "Subnets": ("aws:Subnet", "SubnetId"),
        "RouteTables": ("aws:RouteTable", "RouteTableId"),
        "VpcPeeringConnections": ("aws:VpcPeeringConnection", "VpcPeeringConnectionId"),
        "directConnectGateways": ("aws:DirectConnectGateway", "directConnectGatewayId"),
        "virtualInterfaces": ("aws:VirtualInterface", "virtualInterfaceId"),
    ]

    /// What create-/modify- commands print: `{"VpnConnection": {…}}` → the `VpnConnections` list.
    static let awsSingular: [String: String] = [
        "VpnConnection": "VpnConnections", "CustomerGateway": "CustomerGateways", "VpnGateway": "VpnGateways",
        "TransitGateway": "TransitGateways", "TransitGatewayVpcAttachment": "TransitGatewayVpcAttachments",
        "TransitGatewayRouteTable": "TransitGatewayRouteTables", "Vpc": "Vpcs", "Subnet": "Subnets",
        "RouteTable": "RouteTables", "VpcPeeringConnection": "VpcPeeringConnections",
        "directConnectGateway": "directConnectGateways",
    ]

    /// The items of an AWS list. An object where the list should be is read as the one resource
    /// when it has the resource's ID (the 2017 aws-cli docs print `"VpnConnections": {…}`), with a
    /// warning; any other type is skipped with the reason, so the loss is counted.
    static func awsItems(_ key: String, _ root: Node, into state: inout ImportState) -> [Node] {
        guard let node = root.child(key), let list = awsLists[key] else { return [] }
        let what = ImportState.readable(list.kind)
        switch node.kind {
        case .array: return root.array(key)
        case .object where node.child(list.idKey) != nil:
            node.context.warn(node.path, "\(key) is an object, not a list; read as the one \(what)")
            return [node]
        default:
            state.report.count(list.kind) { $0.seen += 1 }
            state.skip(
                list.kind, node,
                DecodeError(
                    path: node.path,
                    message:
                        "\(key) should be a list, found \(node.isObject ? "an object without \(list.idKey)" : node.typeName); nothing in it was read"
                ))
            return []
        }
    }

    private static func readAWS(_ key: String, _ items: [Node], file: String, into state: inout ImportState) {
        switch key {
        case "TransitGateways":
            state.addAll(
                "aws:TransitGateway", items, into: \.transitGateways, key: \.id,
                decode: AWSTransitGatewayDecoders.transitGateway)
        case "TransitGatewayAttachments":
            state.addAll(
                "aws:TransitGatewayAttachment", items, into: \.tgwAttachments, key: \.id,
                decode: AWSTransitGatewayDecoders.attachment)
        case "TransitGatewayVpcAttachments":
            for n in items { state.addVpcAttachment(n) }
        case "TransitGatewayRouteTables":
            state.addAll(
                "aws:TransitGatewayRouteTable", items, into: \.tgwRouteTables, key: \.id,
                decode: AWSTransitGatewayDecoders.routeTable)
        case "Routes":
            state.addRouteSearch(items, file: file)
        case "TransitGatewayRouteTablePropagations":
            state.addPropagations(items, file: file)
        case "VpnConnections":
            state.addAll(
                "aws:VpnConnection", items, into: \.vpnConnections, key: \.id, decode: AWSVPNDecoders.vpnConnection)
        case "CustomerGateways":
            state.addAll(
                "aws:CustomerGateway", items, into: \.customerGateways, key: \.id,
                decode: AWSVPNDecoders.customerGateway)
        case "VpnGateways":
            state.addAll("aws:VpnGateway", items, into: \.vpnGateways, key: \.id, decode: AWSVPNDecoders.vpnGateway)
        case "Vpcs":
            state.addAll("aws:Vpc", items, into: \.vpcs, key: \.id, decode: AWSNetworkingDecoders.vpc)
        case "Subnets":
            state.addAll("aws:Subnet", items, into: \.subnets, key: \.id, decode: AWSNetworkingDecoders.subnet)
        case "RouteTables":
            state.addAll(
                "aws:RouteTable", items, into: \.routeTables, key: \.id, decode: AWSNetworkingDecoders.routeTable)
        case "VpcPeeringConnections":
            state.addAll(
                "aws:VpcPeeringConnection", items, into: \.vpcPeerings, key: \.id, decode: AWSNetworkingDecoders.peering
            )
        case "directConnectGateways":
            state.addAll(
                "aws:DirectConnectGateway", items, into: \.directConnectGateways, key: \.id,
                decode: DirectConnectDecoders.gateway)
        case "virtualInterfaces":
            state.addAll(
                "aws:VirtualInterface", items, into: \.virtualInterfaces, key: \.id,
                decode: DirectConnectDecoders.virtualInterface)
        default:
            break
        }
    }

    /// One GCP resource (or wrapper) with a `kind`.
    static func readGCP(kind: String, _ n: Node, file: String, into state: inout ImportState) -> [String] {
        let tag = "gcp:\(Node.shownKey(kind))"
        switch kind {
        case "compute#vpnTunnel":
            state.add(tag, n, into: \.gcpTunnels, key: { "\($0.ref)" }, decode: GCPVPNDecoders.tunnel)
        case "compute#vpnGateway":
            state.add(tag, n, into: \.haVpnGateways, key: { "\($0.ref)" }, decode: GCPVPNDecoders.haGateway)
        case "compute#externalVpnGateway":
            state.add(tag, n, into: \.externalVpnGateways, key: { "\($0.ref)" }, decode: GCPVPNDecoders.externalGateway)
        case "compute#router":
            state.add(tag, n, into: \.cloudRouters, key: { "\($0.ref)" }, decode: GCPVPNDecoders.router)
        case "compute#route":
            state.add(
                tag, n, into: \.gcpRoutes, key: { "\($0.project ?? "")/\($0.name ?? $0.source.description)" },
                decode: GCPNetworkDecoders.route)
        case "compute#network":
            state.add(tag, n, into: \.gcpNetworks, key: { "\($0.ref)" }, decode: GCPNetworkDecoders.network)
        case "compute#subnetwork":
            state.add(tag, n, into: \.gcpSubnets, key: { "\($0.ref)" }, decode: GCPNetworkDecoders.subnet)
        case "compute#routerStatusResponse":
            state.addRouterStatus(n, file: file)
        case "compute#project":
            SharedVPCReader.readHostProject(n, file: file, into: &state)
        case "compute#projectsGetXpnResources":
            SharedVPCReader.readAssociated(n.array("resources"), file: file, into: &state)
        case "compute#xpnHostList":
            for item in n.array("items") { SharedVPCReader.readHostProject(item, file: file, into: &state) }
        case "compute#targetVpnGateway":
            // Classic VPN: known, not modelled. A note, not a skipped resource or an unknown document.
            state.report.notes.append(
                LoadMessage(
                    file: file, path: n.path,
                    text:
                        "Classic VPN gateway \(n.string("name").map(Node.quoted) ?? "(no name)") (compute#targetVpnGateway): "
                        + "Classic VPN is known but not modelled (tunnelscope models HA VPN); it is not shown"))
        default:
            if kind.hasPrefix("compute#"), kind.hasSuffix("List") || kind.hasSuffix("AggregatedList") {
                return readWrapper(n, file: file, into: &state)
            }
            state.skip(tag, n, DecodeError(path: n.path, message: "\(Node.shownKey(kind)) is not used by tunnelscope"))
            state.report.count(tag) { $0.seen += 1 }
            return []
        }
        return [tag]
    }

    /// The items of REST `compute#xxxList {items: [...]}` and `compute#xxxAggregatedList
    /// {items: {scope: {xxx: [...]}}}`.
    static func wrapperItems(_ n: Node) -> [Node] {
        guard let items = n.child("items") else { return [] }
        var nodes: [Node] = []
        switch items.kind {
        case .array: nodes = n.array("items")
        case .object:
            for scope in items.keys {
                guard let scoped = items.object(scope) else { continue }
                for key in scoped.keys where key != "warning" { nodes += scoped.array(key) }
            }
        default: break
        }
        return nodes
    }

    private static func readWrapper(_ n: Node, file: String, into state: inout ImportState) -> [String] {
        guard n.child("items") != nil else { return ["empty list"] }
        let nodes = wrapperItems(n)
        var kinds: [String] = []
        for item in nodes {
            if let kind = item.string("kind") { kinds += readGCP(kind: kind, item, file: file, into: &state) }
        }
        var seen = Set<String>()
        return kinds.filter { seen.insert($0).inserted }
    }
}
