import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel

/// Everything `/` can find: each resource's ID, name, IPs and ranges, and the screen that shows
/// it. Built once per model; a query is one pass over the entries.
public struct SearchIndex: Sendable {
    public struct Entry: Sendable {
        public let elementId: String
        public let label: String
        /// What it is and the name shown for it (its Name tag or label, else its ID).
        public let kind: DirectoryEntry.Kind
        public let name: String
        let ips: [IPv4Address]
        let ranges: [CIDR]
        public let screen: Screen
    }

    public private(set) var entries: [Entry] = []
    /// Each entry's ID, name and aliases, lowercased once, as UTF-8: a query is a byte substring
    /// search over them.
    private var text = FlatText()

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
            // Its addresses and ranges as text too: "10.1" lists what has an address or range
            // written so while an address or a range is still being typed.
            let words = [e.id, e.name] + e.aliases + e.ranges.map(\.description) + e.ips.map(\.description)
            let text = Array(words.joined(separator: " ").lowercased().utf8)
            let label = e.kind == .tunnel ? e.name : "\(e.kind.title) \(e.name)"
            entries.append(
                Entry(
                    elementId: e.id, label: label, kind: e.kind, name: e.name, ips: e.ips, ranges: e.ranges,
                    screen: screen))
            self.text.append(text)
        }
    }

    /// Entries matching a query: text (case-insensitive substring), an IP (ranges that contain
    /// it, resources that have it), or a CIDR (ranges that overlap it).
    public func search(_ query: String) -> [Entry] {
        let q = Query(query)
        switch q {
        case .empty: return []
        case .address, .range: return addressMatches(q).map { entries[$0] }
        case .text(let needle):
            return ranked(text.scan(needle, from: 0, limit: .max).matches, needle).map { entries[$0] }
        }
    }

    /// A query as the index reads it: an address, a range, or text (lowercased UTF-8).
    enum Query: Equatable {
        case empty
        case address(IPv4Address)
        case range(CIDR)
        case text([UInt8])

        init(_ query: String) {
            let q = query.trimmingCharacters(in: .whitespaces).lowercased()
            if q.isEmpty {
                self = .empty
            } else if let ip = IPv4Address(q) {
                self = .address(ip)
            } else if let cidr = CIDR(q) {
                self = .range(cidr)
            } else {
                self = .text(Array(q.utf8))
            }
        }
    }

    /// Positions of the entries an address or a range query finds: for an address, the resources
    /// that have it, then the ranges that contain it, narrowest first; for a range, what overlaps it.
    func addressMatches(_ query: Query) -> [Int] {
        switch query {
        case .address(let ip):
            let exact = entries.indices.filter { entries[$0].ips.contains(ip) }
            let containing = entries.indices.filter { i in
                !entries[i].ips.contains(ip) && entries[i].ranges.contains { $0.contains(ip) }
            }
            .sorted {
                (entries[$0].ranges.map(\.prefixLength).max() ?? 0)
                    > (entries[$1].ranges.map(\.prefixLength).max() ?? 0)
            }
            return exact + containing
        case .range(let cidr):
            return entries.indices.filter { i in
                entries[i].ranges.contains { $0.overlaps(cidr) } || entries[i].ips.contains { cidr.contains($0) }
            }
        case .empty, .text: return []
        }
    }

    /// Text matches in the order a person wants them: an element whose ID or name is the query,
    /// then one whose ID or name starts with it, then the rest, each in index order (the first
    /// `ranking` of them ranked: a bounded amount of work per key).
    func ranked(_ positions: [Int], _ needle: [UInt8], ranking: Int = 2000) -> [Int] {
        let query = String(decoding: needle, as: UTF8.self)
        var exact: [Int] = []
        var prefix: [Int] = []
        var rest: [Int] = []
        for (k, i) in positions.enumerated() {
            guard k < ranking else {
                rest += positions[k...]
                break
            }
            let id = entries[i].elementId.lowercased()
            let name = entries[i].name.lowercased()
            if id == query || name == query {
                exact.append(i)
            } else if id.hasPrefix(query) || name.hasPrefix(query) {
                prefix.append(i)
            } else {
                rest.append(i)
            }
        }
        return exact + prefix + rest
    }

    /// Text matches among `positions`: an extended query narrows the last one's matches.
    func textMatches(_ needle: [UInt8], among positions: [Int]) -> [Int] {
        positions.filter { text.contains($0, needle) }
    }

    /// Text matches from entry `start` on, until `limit` are found or the entries end: the matches
    /// and the position to go on from (`entries.count` when every entry was looked at).
    func textMatches(_ needle: [UInt8], from start: Int, limit: Int) -> (matches: [Int], next: Int) {
        text.scan(needle, from: start, limit: limit)
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
