import Foundation
import TunnelscopeModel

/// Everything `/` can find: each resource's ID, name, IPs and ranges, and the screen that shows
/// it. Built once per model; a query is one pass over the entries.
public struct SearchIndex: Sendable {
    public struct Entry: Sendable {
        public let elementId: String
        public let label: String
        let text: String
        let ips: [IPv4Address]
        let ranges: [CIDR]
        public let screen: Screen
    }

    public private(set) var entries: [Entry] = []

    init(model: NetworkModel) {
        func add(_ id: String, _ label: String, _ screen: Screen, names: [String?] = [], ips: [IPv4Address?] = [], ranges: [CIDR?] = []) {
            let text = ([id, label] + names.compactMap { $0 }).joined(separator: " ").lowercased()
            entries.append(Entry(elementId: id, label: label, text: text, ips: ips.compactMap { $0 }, ranges: ranges.compactMap { $0 }, screen: screen))
        }
        for t in model.tunnels {
            add(t.id, t.label, t.isCrossCloud ? .split : .aws,
                names: [t.aws?.vpnConnectionId, t.gcp?.tunnel.name, t.gcp?.tunnel.ref.id, t.gcp?.bgpPeer?.name, t.siteName],
                ips: [t.outsideIp, t.aws?.tunnel.awsInsideIp, t.aws?.tunnel.customerInsideIp, t.gcp?.haInterfaceIp],
                ranges: [t.aws?.tunnel.insideCidr])
        }
        for tgw in model.transitGateways { add(tgw.id, "Transit Gateway \(tgw.name ?? tgw.id)", .aws, names: [tgw.name, tgw.accountId]) }
        for c in model.vpnConnections { add(c.id, "VPN \(c.name ?? c.id)", .aws, names: [c.name, c.customerGatewayId]) }
        for g in model.customerGateways { add(g.id, "Customer gateway \(g.name ?? g.id)", .detail(g.id), names: [g.name], ips: [g.ipAddress]) }
        for v in model.vpnGateways { add(v.id, "VGW \(v.name ?? v.id)", .aws, names: [v.name]) }
        for v in model.vpcs { add(v.id, "VPC \(model.labels[v.id] ?? v.name ?? v.id)", .detail(v.id), names: [v.name, model.labels[v.id], v.accountId] + v.tags.values.map { $0 }, ranges: v.cidrs) }
        for s in model.subnets { add(s.id, "Subnet \(s.name ?? s.id)", .detail(s.id), names: [s.name, s.vpcId], ranges: [s.cidr]) }
        for a in model.tgwAttachments { add(a.id, "TGW attachment \(a.name ?? a.id)", .detail(a.id), names: [a.resourceId]) }
        for d in model.directConnectGateways { add(d.id, "Direct Connect \(d.name ?? d.id)", .aws, names: [d.name]) }
        for n in model.gcpNetworks { add(n.ref.id, "Network \(n.project)/\(n.name)", .detail(n.ref.id), names: [n.name, n.project]) }
        for s in model.gcpSubnets { add(s.ref.id, "Subnet \(s.ref.project)/\(s.name)", .detail(s.ref.id), names: [s.name], ranges: [s.cidr] + s.secondaryRanges.map(\.cidr)) }
        for g in model.haVpnGateways {
            add(g.ref.id, "HA VPN gateway \(g.name)", .gcp, names: [g.name])
            for i in g.interfaces { add(g.ref.interfaceID(i.id), "\(g.name) interface \(i.id)", .gcp, ips: [i.ipAddress]) }
        }
        for g in model.externalVpnGateways {
            add(g.ref.id, "Peer VPN gateway \(g.name)", .gcp, names: [g.name])
            for i in g.interfaces { add(g.ref.interfaceID(i.id), "\(g.name) interface \(i.id)", .gcp, ips: [i.ipAddress]) }
        }
        for r in model.cloudRouters { add(r.ref.id, "Cloud Router \(r.name)", .gcp, names: [r.name] + r.bgpPeers.map(\.name)) }
        for r in model.redisInstances { add(r.id, "Memorystore \(r.name)", .detail(r.id), names: [r.name, r.displayName], ips: [r.host], ranges: [r.reservedIpRange]) }
        for s in model.onPremSites { add(s.id, "Site \(s.name)", .detail(s.id), names: [s.name], ranges: s.addressRanges) }
        for p in model.gcpProjects { add("project/\(p.id)", "Project \(p.id)", .detail("project/\(p.id)"), names: [p.id, model.labels[p.id]]) }
    }

    /// Entries matching a query: text (case-insensitive substring), an IP (ranges that contain
    /// it, resources that have it), or a CIDR (ranges that overlap it).
    public func search(_ query: String) -> [Entry] {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !q.isEmpty else { return [] }
        if let ip = IPv4Address(q) {
            let exact = entries.filter { $0.ips.contains(ip) }
            let containing = entries.filter { e in !e.ips.contains(ip) && e.ranges.contains { $0.contains(ip) } }
                .sorted { ($0.ranges.map(\.prefixLength).max() ?? 0) > ($1.ranges.map(\.prefixLength).max() ?? 0) }
            return exact + containing
        }
        if let cidr = CIDR(q) {
            return entries.filter { e in e.ranges.contains { $0.overlaps(cidr) } || e.ips.contains { cidr.contains($0) } }
        }
        return entries.filter { $0.text.contains(q) }
    }
}
