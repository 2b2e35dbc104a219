import TunnelscopeAnalysis
import TunnelscopeModel

/// Human names for resources: annotation label, then Name tag, then ID. Every place that labels
/// an element (rows, detail titles, breadcrumbs, messages, search results) names it through here,
/// so an element with a Name tag is never shown by its raw ID alone, and the ID stays secondary.
struct Naming {
    let model: NetworkModel

    func vpc(_ id: String) -> String { model.labels[id] ?? model.vpc(id)?.name ?? id }
    func connection(_ id: String) -> String { model.labels[id] ?? model.vpnConnection(id)?.name ?? id }
    func customerGateway(_ id: String) -> String { model.labels[id] ?? model.customerGateway(id)?.name ?? id }
    func tgw(_ id: String) -> String { model.labels[id] ?? model.transitGateway(id)?.name ?? id }
    func vgw(_ id: String) -> String {
        model.labels[id] ?? model.vpnGateways.first { $0.id == id }?.name ?? id
    }
    func project(_ id: String) -> String { model.labels[id].map { "\(id) (\($0))" } ?? id }

    /// "vpn-0aa1… #1" style label for an AWS tunnel end.
    func awsTunnel(_ end: PhysicalTunnel.AWSEnd) -> String {
        "\(connection(end.vpnConnectionId)) tunnel \(end.tunnelNumber)"
    }
    /// "to-gcp-if0 #2": for rows where space is short.
    func awsTunnelShort(_ end: PhysicalTunnel.AWSEnd) -> String {
        "\(connection(end.vpnConnectionId)) #\(end.tunnelNumber)"
    }

    /// "Name (id)", or the ID alone when there is no name other than it.
    static func nameAndId(_ name: String?, _ id: String) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(name) (\(id))"
    }

    /// The ID as a secondary column after a name ("  vpn-0aa1…"), or nothing when the name shown
    /// already is the ID (no Name tag): the ID is never printed twice.
    static func secondaryId(_ shown: String, _ id: String) -> String { shown == id ? "" : "  \(id)" }

    /// The label of any element for messages and search results: the directory's name with its
    /// kind ("VPN connection to-gcp-if0 (vpn-0aa1…)", "tunnel 52.1.20.22 (to-gcp-if0 #2 ⇄ …)").
    static func label(_ id: String, in directory: ElementDirectory) -> String {
        directory.entry(id)?.label ?? id
    }

    /// A short label for a place in the breadcrumb: the name without the ID ("VPN to-gcp-if0",
    /// "to-gcp-if0 tunnel 2", "Cloud Router cr-aws").
    func place(_ id: String, in directory: ElementDirectory) -> String {
        if let tunnel = model.tunnel(id) {
            if let end = tunnel.aws { return awsTunnel(end) }
            if let end = tunnel.gcp { return "tunnel \(end.tunnel.name)" }
        }
        guard let entry = directory.entry(id) else { return id }
        switch entry.kind {
        case .vpnConnection: return "VPN \(entry.name)"
        case .customerGateway: return "CGW \(entry.name)"
        case .transitGateway: return "TGW \(entry.name)"
        case .vpnGateway: return "VGW \(entry.name)"
        case .vpc: return "VPC \(entry.name)"
        default: return "\(entry.kind.title) \(entry.name)"
        }
    }
}
