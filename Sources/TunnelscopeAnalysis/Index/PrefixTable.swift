import TunnelscopeModel

/// Longest-prefix-match index: one level per prefix length present, each a map from the masked
/// network to its values. A lookup costs one probe per distinct prefix length (at most 33),
/// whatever the table size.
struct PrefixTable<Value: Sendable>: Sendable {
    private struct Level: Sendable {
        let length: Int
        let mask: UInt32
        var map: [UInt32: [Value]]
    }

    /// Longest prefix first.
    private var levels: [Level] = []
    private(set) var count = 0

    init() {}

    init(_ entries: some Sequence<(CIDR, Value)>) {
        for (cidr, value) in entries { insert(cidr, value) }
    }

    var lengths: [Int] { levels.map(\.length) }

    mutating func insert(_ cidr: CIDR, _ value: Value) {
        let key = cidr.network.value
        if let i = levels.firstIndex(where: { $0.length == cidr.prefixLength }) {
            levels[i].map[key, default: []].append(value)
        } else {
            levels.append(Level(length: cidr.prefixLength, mask: cidr.mask, map: [key: [value]]))
            levels.sort { $0.length > $1.length }
        }
        count += 1
    }

    /// The values stored under exactly this prefix.
    func exact(_ cidr: CIDR) -> [Value] {
        levels.first { $0.length == cidr.prefixLength }?.map[cidr.network.value] ?? []
    }

    /// Visits every stored prefix that contains the whole of `cidr`, most specific first, until
    /// `visit` returns a result.
    func first<T>(containing cidr: CIDR, _ visit: (CIDR, [Value]) -> T?) -> T? {
        let address = cidr.address.value
        for level in levels where level.length <= cidr.prefixLength {
            let key = address & level.mask
            if let values = level.map[key],
                let result = visit(CIDR(address: IPv4Address(key), prefixLength: level.length), values)
            {
                return result
            }
        }
        return nil
    }

    /// Every stored prefix that contains the whole of `cidr`, most specific first.
    func matches(containing cidr: CIDR) -> [(CIDR, [Value])] {
        var result: [(CIDR, [Value])] = []
        _ = first(containing: cidr) { prefix, values -> Bool? in
            result.append((prefix, values))
            return nil
        }
        return result
    }

    func matches(containing ip: IPv4Address) -> [(CIDR, [Value])] {
        matches(containing: CIDR(address: ip, prefixLength: 32))
    }
}
