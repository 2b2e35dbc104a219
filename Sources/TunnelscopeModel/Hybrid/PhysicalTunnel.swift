/// One physical IPsec tunnel seen from both clouds: the cross-cloud join.
///
/// Join keys (export-formats.md §8): AWS tunnel outside IP = GCP external gateway interface IP =
/// GCP tunnel `peerIp`; AWS customer gateway IP = GCP HA VPN interface IP; inside /30: AWS N+1,
/// GCP N+2; Cloud Router `peerAsn` = Amazon-side ASN.
public struct PhysicalTunnel: Hashable, Sendable, Identifiable {
    public enum Kind: String, Hashable, Sendable {
        /// AWS VPN ↔ GCP HA VPN (whether or not both ends were exported).
        case awsToGCP = "aws-gcp"
        /// AWS VPN to a customer gateway that is an on-prem device.
        case awsToOnPrem = "aws-onprem"
        /// A GCP tunnel whose peer is not AWS (another GCP gateway or an unknown external device).
        case gcpToOther = "gcp-other"
    }

    public enum Sides: String, Hashable, Sendable {
        case both
        case awsOnly = "aws-only"
        case gcpOnly = "gcp-only"
    }

    public struct AWSEnd: Hashable, Sendable {
        public var vpnConnectionId: String
        /// 1 or 2: position by outside IP within the connection.
        public var tunnelNumber: Int
        public var tunnel: AWSTunnel
        public var customerGatewayId: String?
        public var customerGatewayIp: IPv4Address?
        public var customerGatewayAsn: Int?
        public var transitGatewayId: String?
        public var vpnGatewayId: String?
        /// TGW or VGW Amazon-side ASN.
        public var amazonSideAsn: Int?
        /// The connection uses static routes (no BGP).
        public var staticRoutesOnly: Bool

        public init(
            vpnConnectionId: String, tunnelNumber: Int, tunnel: AWSTunnel, customerGatewayId: String?,
            customerGatewayIp: IPv4Address?, customerGatewayAsn: Int?, transitGatewayId: String?,
            vpnGatewayId: String?, amazonSideAsn: Int?, staticRoutesOnly: Bool = false
        ) {
            self.staticRoutesOnly = staticRoutesOnly
            self.vpnConnectionId = vpnConnectionId
            self.tunnelNumber = tunnelNumber
            self.tunnel = tunnel
            self.customerGatewayId = customerGatewayId
            self.customerGatewayIp = customerGatewayIp
            self.customerGatewayAsn = customerGatewayAsn
            self.transitGatewayId = transitGatewayId
            self.vpnGatewayId = vpnGatewayId
            self.amazonSideAsn = amazonSideAsn
        }
    }

    public struct GCPEnd: Hashable, Sendable {
        public var tunnel: GCPVPNTunnel
        /// The AWS outside IP this tunnel points at (`peerIp`, else the external interface's IP).
        public var peerIp: IPv4Address?
        public var haGateway: GCPRef?
        public var haInterface: Int?
        public var haInterfaceIp: IPv4Address?
        public var peerGateway: GCPRef?
        public var peerInterface: Int?
        public var router: GCPRef?
        public var routerAsn: Int?
        public var routerInterface: RouterInterface?
        public var bgpPeer: BGPPeer?

        public init(
            tunnel: GCPVPNTunnel, peerIp: IPv4Address?, haGateway: GCPRef?, haInterface: Int?,
            haInterfaceIp: IPv4Address?, peerGateway: GCPRef?, peerInterface: Int?, router: GCPRef?,
            routerAsn: Int?, routerInterface: RouterInterface?, bgpPeer: BGPPeer?
        ) {
            self.tunnel = tunnel
            self.peerIp = peerIp
            self.haGateway = haGateway
            self.haInterface = haInterface
            self.haInterfaceIp = haInterfaceIp
            self.peerGateway = peerGateway
            self.peerInterface = peerInterface
            self.router = router
            self.routerAsn = routerAsn
            self.routerInterface = routerInterface
            self.bgpPeer = bgpPeer
        }

        public var bgpStatus: String? { bgpPeer?.status?.status }
    }

    /// `tunnel/<AWS outside IP>` when the outside IP is known, else `tunnel/gcp/<project>/<region>/<name>`.
    public var id: String
    public var kind: Kind
    public var aws: AWSEnd?
    public var gcp: GCPEnd?
    /// For `awsToOnPrem`: the site's name.
    public var siteName: String?

    public init(id: String, kind: Kind, aws: AWSEnd?, gcp: GCPEnd?, siteName: String? = nil) {
        self.id = id
        self.kind = kind
        self.aws = aws
        self.gcp = gcp
        self.siteName = siteName
    }

    public var sides: Sides {
        switch (aws, gcp) {
        case (.some, .some): .both
        case (.some, nil): .awsOnly
        default: .gcpOnly
        }
    }

    public var isCrossCloud: Bool { kind == .awsToGCP }
    public var outsideIp: IPv4Address? { aws?.tunnel.outsideIp ?? gcp?.peerIp }

    /// A short human label: `vpn-0aa1…/1 ⇄ aws-tunnel-0`.
    public var label: String {
        let left = aws.map { "\($0.vpnConnectionId) #\($0.tunnelNumber)" }
        let right = gcp.map { $0.tunnel.name }
        switch (left, right) {
        case (let l?, let r?): return "\(l) ⇄ \(r)"
        case (let l?, nil): return l
        case (nil, let r?): return r
        default: return id
        }
    }
}
