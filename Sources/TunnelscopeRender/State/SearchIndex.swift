import Foundation
import TunnelscopeAnalysis
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

    /// One entry per element of the analysis' element directory (the same IDs, names and aliases
    /// `--select`, `:fail` and `:path` resolve), opening the screen that shows it best.
    init(model: NetworkModel, directory: ElementDirectory) {
        entries.reserveCapacity(directory.entries.count)
        for e in directory.entries {
            let screen: Screen
            switch e.kind {
            case .tunnel: screen = model.tunnel(e.id)?.isCrossCloud == true ? .split : .aws
            case .vpnConnection, .transitGateway, .vpnGateway, .directConnectGateway: screen = .aws
            case .haGateway, .haInterface, .peerGateway, .peerInterface, .cloudRouter, .bgpSession: screen = .gcp
            default: screen = .detail(e.id)
            }
            let text = ([e.id, e.name] + e.aliases).joined(separator: " ").lowercased()
            let label = e.kind == .tunnel ? e.name : "\(e.kind.title) \(e.name)"
            entries.append(
                Entry(elementId: e.id, label: label, text: text, ips: e.ips, ranges: e.ranges, screen: screen))
        }
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
            return entries.filter { e in e.ranges.contains { $0.overlaps(cidr) } || e.ips.contains { cidr.contains($0) }
            }
        }
        return entries.filter { $0.text.contains(q) }
    }
}
