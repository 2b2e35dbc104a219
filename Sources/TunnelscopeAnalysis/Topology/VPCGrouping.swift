import TunnelscopeModel

/// How a big network's VPCs are shown: in groups by the hub they hang off (their first) and their
/// AWS account, one box per group with its count, instead of one box per VPC. The explorer's map
/// and `export` share this rule, so a diagram groups exactly as the map does.
///
/// Groups are used when there are more VPCs than the widest map shows as boxes in two rows
/// (6 columns × 2 = `threshold`) and the groups at least halve the boxes (`2 × groups ≤ VPCs`):
/// below that every VPC keeps its own box; a network of one VPC per account gains nothing.
public enum VPCGrouping {
    public static let threshold = 12

    /// One group: the VPCs (positions, as given) hanging off `hub` first, in `account`.
    public struct Group: Sendable, Equatable {
        /// nil: attached to no hub in the exports.
        public let hub: String?
        /// nil: the exports do not say.
        public let account: String?
        public let members: [Int]
        public init(hub: String?, account: String?, members: [Int]) {
            self.hub = hub
            self.account = account
            self.members = members
        }

        /// "vpcs:<hub or unattached>|<account or ?>": the map's group key.
        public var key: String { VPCGrouping.key(hub: hub, account: account) }
    }

    public static func key(hub: String?, account: String?) -> String {
        "vpcs:\(hub ?? "unattached")|\(account ?? "?")"
    }

    /// Whether `vpcs` VPCs in `groups` groups are shown as groups.
    public static func applies(vpcs: Int, groups: Int) -> Bool { vpcs > threshold && 2 * groups <= vpcs }

    /// Clusters by hub (in the caller's order) split by account, accounts in ID order (an unknown
    /// account sorts as "?"); members keep their order.
    public static func byAccount(_ clusters: [(hub: String?, members: [Int])], account: (Int) -> String?) -> [Group] {
        var groups: [Group] = []
        for cluster in clusters {
            var byAccount: [String: [Int]] = [:]
            for i in cluster.members { byAccount[account(i) ?? "?", default: []].append(i) }
            for name in byAccount.keys.sorted() {
                groups.append(Group(hub: cluster.hub, account: name == "?" ? nil : name, members: byAccount[name]!))
            }
        }
        return groups
    }

    /// Each VPC's hubs as the exports attach it: Transit Gateways (by their `vpc` attachments),
    /// then virtual private gateways (by `attachedVpcIds`), each in model order; VPC ID → hub IDs.
    public static func hubs(of model: NetworkModel) -> [String: [String]] {
        var order: [String: Int] = [:]
        for (i, id) in (model.transitGateways.map(\.id) + model.vpnGateways.map(\.id)).enumerated()
        where order[id] == nil {
            order[id] = i
        }
        var hubs: [String: [String]] = [:]
        for attachment in model.tgwAttachments where attachment.resourceType == "vpc" {
            guard let vpc = attachment.resourceId, order[attachment.transitGatewayId] != nil else { continue }
            hubs[vpc, default: []].append(attachment.transitGatewayId)
        }
        for vgw in model.vpnGateways {
            for vpc in vgw.attachedVpcIds { hubs[vpc, default: []].append(vgw.id) }
        }
        return hubs.mapValues { ids in
            var seen = Set<String>()
            return ids.filter { seen.insert($0).inserted }.sorted { order[$0]! < order[$1]! }
        }
    }
}
