import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel

/// Everything `/` can find: each resource's ID, name, IPs and ranges, and the screen that shows
/// it. Built once per model; a query is one pass over the entries.
public struct SearchIndex: Sendable {
    public struct Entry: Sendable {
        public let elementId: String
        public let label: String
        /// ID, name and aliases, lowercased once, as UTF-8: a query is a byte substring search.
        let text: [UInt8]
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
            let text = Array(([e.id, e.name] + e.aliases).joined(separator: " ").lowercased().utf8)
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
        let needle = Array(q.utf8)
        return entries.filter { Self.contains($0.text, needle) }
    }

    /// Whether `haystack` has `needle` as a contiguous byte run (UTF-8 of lowercased text: a match
    /// of whole characters, since a UTF-8 sequence cannot start inside another).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
