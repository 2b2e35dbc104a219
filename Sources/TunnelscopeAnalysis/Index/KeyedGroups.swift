import TunnelscopeModel

/// Positions grouped by a text key, stored flat: one table entry per distinct key and one array
/// of positions for all the groups (not an array per key: a table of tens of thousands of IDs,
/// most naming one or two positions, was as many small arrays to allocate, fill and free).
///
///     var builder = KeyedGroups.Builder(capacity: attachments.count)
///     for i in attachments.indices { builder.add(attachments[i].resourceId, i) }
///     let byResource = builder.groups()
///     byResource["vpc-0a1"]   // the positions added with that key, in the order added; nil: none
struct KeyedGroups: Sendable {
    private let groupByKey: [HashedKey: Int32]
    /// Where each group starts in `positions` (one more entry than there are groups).
    private let starts: [Int32]
    private let positions: [Int]

    subscript(key: String) -> ArraySlice<Int>? {
        guard let g = groupByKey[HashedKey(key)].map(Int.init) else { return nil }
        return positions[Int(starts[g])..<Int(starts[g + 1])]
    }

    var isEmpty: Bool { groupByKey.isEmpty }

    struct Builder {
        private var groupByKey: [HashedKey: Int32]
        /// Each added position with the number of its key's group, in the order added.
        private var added: [(group: Int32, position: Int)] = []
        private var counts: [Int32] = []

        /// `capacity`: about how many positions will be added.
        init(capacity: Int = 0) {
            groupByKey = [HashedKey: Int32](minimumCapacity: capacity)
            added.reserveCapacity(capacity)
        }

        mutating func add(_ key: String, _ position: Int) {
            let next = Int32(counts.count)
            let key = HashedKey(key)
            // One lookup: a new key gets the next group number, a known one keeps its own.
            let group: Int32
            if let known = groupByKey.updateValue(next, forKey: key) {
                groupByKey[key] = known
                group = known
            } else {
                group = next
                counts.append(0)
            }
            counts[Int(group)] += 1
            added.append((group, position))
        }

        /// The groups, each in the order its positions were added.
        func groups() -> KeyedGroups {
            var starts = [Int32](repeating: 0, count: counts.count + 1)
            for g in counts.indices { starts[g + 1] = starts[g] + counts[g] }
            var next = starts
            var positions = [Int](repeating: 0, count: added.count)
            for (group, position) in added {
                positions[Int(next[Int(group)])] = position
                next[Int(group)] += 1
            }
            return KeyedGroups(groupByKey: groupByKey, starts: starts, positions: positions)
        }
    }
}
