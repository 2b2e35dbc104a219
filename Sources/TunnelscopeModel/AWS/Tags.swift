/// A resource's tags as one list of keys and values in key order: a resource with a tag or two
/// holds a small array, not a hash table. Lookups are linear (AWS allows at most 50 tags).
struct Tags: Hashable, Sendable {
    /// Keys and values alternating, by key.
    private let pairs: [String]

    init(_ tags: [String: String]) {
        guard !tags.isEmpty else {
            pairs = []
            return
        }
        var pairs: [String] = []
        pairs.reserveCapacity(tags.count * 2)
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            pairs.append(key)
            pairs.append(value)
        }
        self.pairs = pairs
    }

    subscript(key: String) -> String? {
        var i = 0
        while i < pairs.count {
            if pairs[i] == key { return pairs[i + 1] }
            i += 2
        }
        return nil
    }

    var dictionary: [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(pairs.count / 2)
        var i = 0
        while i < pairs.count {
            result[pairs[i]] = pairs[i + 1]
            i += 2
        }
        return result
    }
}
