import TunnelscopeModel

/// Human names for resources: annotation label, then Name tag, then ID.
struct Naming {
    let model: NetworkModel

    func vpc(_ id: String) -> String { model.labels[id] ?? model.vpc(id)?.name ?? id }
    func connection(_ id: String) -> String { model.labels[id] ?? model.vpnConnection(id)?.name ?? id }
    func customerGateway(_ id: String) -> String { model.labels[id] ?? model.customerGateway(id)?.name ?? id }
    func tgw(_ id: String) -> String { model.labels[id] ?? model.transitGateway(id)?.name ?? id }
    func project(_ id: String) -> String { model.labels[id].map { "\(id) (\($0))" } ?? id }

    /// "vpn-0aa1… #1" style label for an AWS tunnel end.
    func awsTunnel(_ end: PhysicalTunnel.AWSEnd) -> String {
        "\(connection(end.vpnConnectionId)) tunnel \(end.tunnelNumber)"
    }
    /// "to-gcp-if0 #2": for rows where space is short.
    func awsTunnelShort(_ end: PhysicalTunnel.AWSEnd) -> String {
        "\(connection(end.vpnConnectionId)) #\(end.tunnelNumber)"
    }
}
