import TunnelscopeModel

/// Longest-prefix match over every VPC route table, packed: one flat array of 12-byte entries
/// (network, prefix length, route index), each table's slice sorted most specific prefix first.
/// A lookup scans the table's slice; a table too large to scan gets a `PrefixTable` of its own.
/// (One `PrefixTable` per table, a dictionary and an array per prefix, was 15 MB for 10,000
/// tables of 21 routes; this is 2.5 MB.)
struct VPCRouteIndex: Sendable {
    struct Entry: Sendable {
        let network: UInt32
        let route: Int32
        let length: UInt8
    }

    /// Route table ID → slot (the last table of an ID wins, as a dictionary keyed by ID would have it).
    private let slots: [String: Int32]
    /// Slot → its first entry; one more than there are slots.
    private let starts: [Int32]
    private let entries: [Entry]
    /// Slots whose table has more routes than a scan should visit.
    private let large: [Int32: PrefixTable<Int>]

    /// Tables with at most this many routes are scanned.
    static let scanLimit = 64

    init(_ tables: [AWSRouteTable]) {
        var slots: [String: Int32] = [:]
        slots.reserveCapacity(tables.count)
        var starts: [Int32] = []
        starts.reserveCapacity(tables.count + 1)
        var entries: [Entry] = []
        entries.reserveCapacity(tables.reduce(0) { $0 + $1.routes.count })
        var large: [Int32: PrefixTable<Int>] = [:]
        var table: [Entry] = []
        for t in tables {
            let slot = Int32(starts.count)
            slots[t.id] = slot
            starts.append(Int32(entries.count))
            table.removeAll(keepingCapacity: true)
            for (i, route) in t.routes.enumerated() {
                guard let d = route.destination?.normalized else { continue }
                table.append(Entry(network: d.network.value, route: Int32(i), length: UInt8(d.prefixLength)))
            }
            if table.count > Self.scanLimit {
                large[slot] = PrefixTable(
                    table.map { (CIDR(address: IPv4Address($0.network), prefixLength: Int($0.length)), Int($0.route)) })
                continue
            }
            // Most specific first; one prefix's routes in table order (the first is the one a lookup gives).
            table.sort { a, b in
                a.length != b.length
                    ? a.length > b.length : a.network != b.network ? a.network < b.network : a.route < b.route
            }
            entries.append(contentsOf: table)
        }
        starts.append(Int32(entries.count))
        self.slots = slots
        self.starts = starts
        self.entries = entries
        self.large = large
    }

    /// The slot of the table of this ID (nil: no such table), for repeated lookups in one table.
    func slot(of id: String) -> Int32? { slots[id] }

    /// The longest prefix of the table that contains all of `cidr`, and the first route (in
    /// table order) with that prefix; nil when the table is unknown or has no such route.
    func longestMatch(table id: String, containing cidr: CIDR) -> (prefix: CIDR, route: Int)? {
        slots[id].flatMap { longestMatch(slot: $0, containing: cidr) }
    }

    func longestMatch(slot: Int32, containing cidr: CIDR) -> (prefix: CIDR, route: Int)? {
        if let table = large[slot] { return table.first(containing: cidr) { p, v in v.first.map { (p, $0) } } }
        let address = cidr.address.value
        let length = cidr.prefixLength
        var i = Int(starts[Int(slot)])
        let end = Int(starts[Int(slot) + 1])
        while i < end {
            let e = entries[i]
            i += 1
            guard Int(e.length) <= length else { continue }
            let mask: UInt32 = e.length == 0 ? 0 : ~0 << (32 - UInt32(e.length))
            if address & mask == e.network {
                return (CIDR(address: IPv4Address(e.network), prefixLength: Int(e.length)), Int(e.route))
            }
        }
        return nil
    }
}
