import TunnelscopeModel

/// One hop of a path: `VPC app-vpc`, `rtb-… 10.100.0.0/16 → tgw-…`, `2 of 2 tunnels up`, …
public struct PathHop: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case awsVpc = "aws-vpc"
        case routeTable = "route-table"
        case vpcPeering = "vpc-peering"
        case transitGateway = "transit-gateway"
        case tgwRouteTable = "tgw-route-table"
        case vpnGateway = "vpn-gateway"
        case vpnConnection = "vpn-connection"
        case tunnels
        case cloudRouter = "cloud-router"
        case gcpNetwork = "gcp-network"
        case gcpRoute = "gcp-route"
        case gcpSubnet = "gcp-subnet"
        case sharedVPC = "shared-vpc"
        case peering
        case producer
        case directConnect = "direct-connect"
        case site
    }

    public let kind: Kind
    /// Resource IDs of the hop (for selection and `--fail`).
    public let resources: [String]
    public let text: String

    public var description: String { text }
}

/// Where a path ends: delivered somewhere, or stopped with the reason.
public enum PathEnd: Sendable, Hashable, CustomStringConvertible {
    case reached(resource: String, label: String, side: Side)
    case stopped(resource: String?, reason: String)
    /// The exports do not say (a route table or the other cloud's side is missing).
    case unknown(resource: String?, reason: String)

    public var reached: Bool { if case .reached = self { true } else { false } }
    public var isUnknown: Bool { if case .unknown = self { true } else { false } }

    public var description: String {
        switch self {
        case .reached(_, let label, _): "reached \(label)"
        case .stopped(let resource, let reason): "stops\(resource.map { " at \($0)" } ?? ""): \(reason)"
        case .unknown(_, let reason): "unknown: \(reason)"
        }
    }
}

/// A path from one place to a destination, hop by hop.
public struct PathTrace: Sendable, Hashable {
    public let hops: [PathHop]
    public let end: PathEnd
}

/// What is alive: the tunnels that carry routes, and the failed attachments and interfaces
/// (from the what-if). The baseline is the exported state.
struct Liveness: Sendable {
    /// Per tunnel: carries traffic both ways (what failures and sites are judged by).
    var carries: [Bool]
    /// Per tunnel, per direction of traffic: AWS → the far end, and the far end (GCP) → AWS.
    var toGCP: [Bool]
    var toAWS: [Bool]

    init(states: [TunnelState]) {
        carries = states.map(\.carries)
        toGCP = states.map(\.carriesToGCP)
        toAWS = states.map(\.carriesToAWS)
    }

    /// A tunnel stops carrying anything (a failure in the what-if).
    mutating func cut(_ t: Int) {
        carries[t] = false
        toGCP[t] = false
        toAWS[t] = false
    }
    var failedAttachments: Set<String> = []
    var failedVirtualInterfaces: Set<String> = []
    var failedTransitGateways: Set<String> = []
    /// AWS VPC peering IDs and GCP peering IDs (`…/networks/N/peerings/P`).
    var failedPeerings: Set<String> = []
    var failedVpcs: Set<String> = []

    /// Not failed in the what-if, and not in a state that carries nothing. (Asked for every
    /// attachment of every walk: no ID is hashed while nothing has failed.)
    func attachmentAlive(_ a: TGWAttachment) -> Bool {
        if !failedAttachments.isEmpty, failedAttachments.contains(a.id) { return false }
        if !failedTransitGateways.isEmpty, failedTransitGateways.contains(a.transitGatewayId) { return false }
        switch a.state ?? "" {
        case "deleted", "deleting", "failed", "rejected": return false
        default: return true
        }
    }
}
