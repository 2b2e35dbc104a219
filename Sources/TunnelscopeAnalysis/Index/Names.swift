import TunnelscopeModel

/// How resources are named in messages: the annotation label or Name tag, then the ID, so a
/// message reads well and its IDs can still be pasted into `--fail` or the explorer's search.
extension ModelIndex {
    func named(_ name: String?, _ id: String) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(name) (\(id))"
    }

    func vpcName(_ id: String) -> String { named(model.labels[id] ?? vpcTagName(id), id) }
    func vpcShortName(_ id: String) -> String { model.labels[id] ?? vpcTagName(id) ?? id }
    /// The VPC's name, read in place (not through a copy of the whole VPC).
    private func vpcTagName(_ id: String) -> String? { model.vpcIndex[id].flatMap { model.vpcs[$0].name } }
    func connectionName(_ id: String) -> String { named(model.labels[id] ?? model.vpnConnection(id)?.name, id) }
    func connectionShortName(_ id: String) -> String { model.labels[id] ?? model.vpnConnection(id)?.name ?? id }
    func customerGatewayName(_ id: String) -> String { named(model.labels[id] ?? model.customerGateway(id)?.name, id) }
    func transitGatewayName(_ id: String) -> String { named(model.labels[id] ?? model.transitGateway(id)?.name, id) }
    func routeTableName(_ table: AWSRouteTable) -> String {
        named(model.labels[table.id] ?? table.tags["Name"], table.id)
    }
    func tgwRouteTableName(_ id: String) -> String { named(model.labels[id] ?? tgwRouteTable(id)?.name, id) }
    func attachmentName(_ id: String) -> String { named(model.labels[id] ?? attachment(id)?.name, id) }
    func siteName(_ index: Int) -> String { model.onPremSites[index].name }

    /// `project/name` for networks and other global GCP resources, `name` otherwise.
    func gcpName(_ ref: GCPRef) -> String {
        ref.collection == "networks" ? "\(ref.project)/\(ref.name)" : ref.name
    }

    /// `tunnel 52.1.20.22 (to-gcp-if0 #2 ⇄ aws-tunnel-1)`.
    func tunnelName(_ t: Int) -> String {
        let tunnel = model.tunnels[t]
        let left = tunnel.aws.map { "\(connectionShortName($0.vpnConnectionId)) #\($0.tunnelNumber)" }
        let right = tunnel.gcp.map { $0.tunnel.name }
        let ends = [left, right].compactMap { $0 }.joined(separator: " ⇄ ")
        let ip = tunnel.outsideIp.map { "tunnel \($0)" } ?? "tunnel \(tunnel.id)"
        return ends.isEmpty ? ip : "\(ip) (\(ends))"
    }

    /// The IDs that name a tunnel in findings: the physical tunnel, then each side's own resource.
    func tunnelResources(_ t: Int) -> [String] {
        let tunnel = model.tunnels[t]
        return [tunnel.id] + [tunnel.aws?.vpnConnectionId, tunnel.gcp?.tunnel.ref.id].compactMap { $0 }
    }
}

extension Array where Element == String {
    /// `a, b, c … and 7 more`.
    func listed(limit: Int = 6) -> String {
        count <= limit
            ? joined(separator: ", ") : prefix(limit).joined(separator: ", ") + " … and \(count - limit) more"
    }
}

func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? word : plural ?? word + "s")"
}
