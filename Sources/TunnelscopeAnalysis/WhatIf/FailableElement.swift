import TunnelscopeModel

/// Something that can be marked as failed in the what-if (`check --fail ID`, the explorer's
/// "fail this" key). `id` is the resource ID used everywhere in Tunnelscope.
public struct FailableElement: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// A physical tunnel (`tunnel/<AWS outside IP>`); its GCP `vpnTunnels` ID names it too.
        case tunnel
        /// One interface of a GCP HA VPN gateway (`…/vpnGateways/G#if0`).
        case haInterface = "ha-interface"
        case haGateway = "ha-gateway"
        /// One interface of the GCP external (peer) VPN gateway (`…/externalVpnGateways/E#if1`).
        case peerInterface = "peer-interface"
        case peerGateway = "peer-gateway"
        case vpnConnection = "vpn-connection"
        case customerGateway = "customer-gateway"
        /// A Cloud Router: every BGP session on it goes down; the IPsec tunnels stay up.
        case cloudRouter = "cloud-router"
        /// One BGP peer of a Cloud Router (`…/routers/R/bgpPeers/P`).
        case bgpSession = "bgp-session"
        case transitGateway = "transit-gateway"
        case vpnGateway = "vpn-gateway"
        case tgwAttachment = "tgw-attachment"
        /// An AWS VPC: its TGW attachments go down.
        case vpc
        /// A VPC peering (AWS) or a GCP network peering: traffic no longer crosses it.
        case vpcPeering = "vpc-peering"
        case gcpPeering = "gcp-peering"
        /// A GCP network: every VPN tunnel whose GCP end is in it goes down.
        case gcpNetwork = "gcp-network"
        case directConnectGateway = "direct-connect-gateway"
        case virtualInterface = "virtual-interface"
        case site

        /// Order of presentation, and of preference when one short name fits several elements.
        var order: Int { Self.allCases.firstIndex(of: self)! }

        public var title: String {
            switch self {
            case .tunnel: "tunnel"
            case .haInterface: "HA VPN interface"
            case .haGateway: "HA VPN gateway"
            case .peerInterface: "peer gateway interface"
            case .peerGateway: "peer (external) VPN gateway"
            case .vpnConnection: "VPN connection"
            case .customerGateway: "customer gateway"
            case .cloudRouter: "Cloud Router"
            case .bgpSession: "BGP session"
            case .transitGateway: "Transit Gateway"
            case .vpnGateway: "virtual private gateway"
            case .tgwAttachment: "TGW attachment"
            case .vpc: "AWS VPC"
            case .vpcPeering: "VPC peering"
            case .gcpPeering: "GCP VPC peering"
            case .gcpNetwork: "GCP network"
            case .directConnectGateway: "Direct Connect gateway"
            case .virtualInterface: "Direct Connect virtual interface"
            case .site: "on-prem site"
            }
        }
    }

    public let kind: Kind
    public let id: String
    /// `VPN connection to-gcp-if0 (vpn-0aa…)`.
    public let label: String

    public init(kind: Kind, id: String, label: String) {
        self.kind = kind
        self.id = id
        self.label = label
    }

    public var description: String { label }

    public static func < (a: FailableElement, b: FailableElement) -> Bool {
        (a.kind.order, a.id) < (b.kind.order, b.id)
    }
}

/// The answer to "which element does this text name?" for `--fail` and the explorer's search.
public enum Resolution: Sendable, Equatable, CustomStringConvertible {
    case found(FailableElement)
    case ambiguous(query: String, candidates: [FailableElement])
    case unknown(query: String, suggestions: [String])
    /// The text names an element, but not one that can fail on its own.
    case notFailable(query: String, element: String, reason: String)

    public var element: FailableElement? { if case .found(let e) = self { e } else { nil } }

    public var description: String {
        switch self {
        case .found(let e): return "\(e.kind.title) \(e.id)"
        case .ambiguous(let query, let candidates):
            return "\"\(query)\" is ambiguous; it names \(plural(candidates.count, "element")): "
                + candidates.map { "\($0.id) (\($0.kind.title))" }.joined(separator: ", ") + ". Use the full ID."
        case .notFailable(let query, let element, let reason):
            return "\"\(query)\" is \(element): \(reason)"
        case .unknown(let query, let suggestions):
            return "\"\(query)\" names nothing that can fail in this network"
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
                + " (`check` lists tunnel IDs; any resource ID, Name tag or outside IP works)"
        }
    }
}
