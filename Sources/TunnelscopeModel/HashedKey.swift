/// A text key that carries its hash, computed once: a table of tens of thousands of IDs compares
/// two keys by their hashes first, so a lookup does not read the text of every key it passes
/// (each a separate allocation, far apart in memory once the table outgrows the cache); the text
/// is compared only where the hashes are equal, and a key moved to another table (a file's keys
/// merged into all files') is not hashed again.
package struct HashedKey: Hashable, Sendable {
    package let text: String
    private let hash: Int

    package init(_ text: String) {
        self.text = text
        hash = text.hashValue
    }

    package static func == (lhs: HashedKey, rhs: HashedKey) -> Bool { lhs.hash == rhs.hash && lhs.text == rhs.text }

    package func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// The stored hash (already the process's seeded hash of the text), mixed with the table's seed,
    /// stands for the key in the table: not fed through the hasher again.
    package func _rawHashValue(seed: Int) -> Int { hash ^ seed }
}

/// Positions by ID, in a table of `HashedKey`s: what the model and the analysis join by (VPCs,
/// subnets, route tables, TGW attachments by ID). Read like a dictionary: `index[id]`.
public struct IDIndex: Sendable {
    private var table: [HashedKey: Int]

    public init(minimumCapacity: Int = 0) { table = [HashedKey: Int](minimumCapacity: minimumCapacity) }

    /// The position kept for `id` (its first); nil when there is none.
    public subscript(id: String) -> Int? { table[HashedKey(id)] }

    public var count: Int { table.count }

    /// Keeps `position` for `id` unless it has one already (one lookup for a new ID).
    public mutating func keepFirst(_ id: String, _ position: Int) {
        let key = HashedKey(id)
        if let first = table.updateValue(position, forKey: key) { table[key] = first }
    }

    /// Keeps `position` for `id`, replacing any it had (the last of several wins).
    public mutating func keepLast(_ id: String, _ position: Int) { table[HashedKey(id)] = position }
}
