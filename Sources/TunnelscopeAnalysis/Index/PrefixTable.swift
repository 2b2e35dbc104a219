import TunnelscopeModel

/// Longest-prefix-match index: prefix length → masked network → values. A lookup costs one
/// dictionary probe per distinct prefix length present (at most 33), whatever the table size.
struct PrefixTable<Value: Sendable>: Sendable {
    private var buckets: [Int: [UInt32: [Value]]] = [:]
    /// Prefix lengths present, longest first.
    private(set) var lengths: [Int] = []
    private(set) var count = 0

    init() {}

    init(_ entries: some Sequence<(CIDR, Value)>) {
        for (cidr, value) in entries { insert(cidr, value) }
    }

    mutating func insert(_ cidr: CIDR, _ value: Value) {
        let key = cidr.network.value
        if buckets[cidr.prefixLength] == nil {
            buckets[cidr.prefixLength] = [:]
            lengths.append(cidr.prefixLength)
            lengths.sort(by: >)
        }
        buckets[cidr.prefixLength]![key, default: []].append(value)
        count += 1
    }

    /// The values stored under exactly this prefix.
    func exact(_ cidr: CIDR) -> [Value] { buckets[cidr.prefixLength]?[cidr.network.value] ?? [] }

    /// Visits every stored prefix that contains the whole of `cidr`, most specific first, until
    /// `visit` returns a result.
    func first<T>(containing cidr: CIDR, _ visit: (CIDR, [Value]) -> T?) -> T? {
        for length in lengths where length <= cidr.prefixLength {
            let prefix = CIDR(address: cidr.network, prefixLength: length).normalized
            if let values = buckets[length]?[prefix.network.value], let result = visit(prefix, values) { return result }
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
