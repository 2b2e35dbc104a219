import TunnelscopeCanvas

/// The VPC band of the map as a grid of slots, one per box (a VPC, or a cluster's group or
/// collapse box), with its x, row by row, made from the clusters' counts without making a box.
/// An expanded group of thousands of VPCs is a long run of rows that differ only in which VPCs
/// they show: `rowsToLay` keeps one row of each run for the router (which routes it once and
/// repeats it, see `MapRouter`), so only the boxes of the rows on screen are ever made.
struct VPCGrid: Sendable {
    /// Per slot: the VPC (position in `vpcOrder`), or -1 - c for cluster c's group or collapse box.
    private(set) var items: [Int] = []
    private(set) var xs: [Int] = []
    /// Where each row's slots start in `items`, and the end.
    private(set) var rowStart: [Int] = [0]
    /// Per VPC (position in `vpcOrder`): its row, -1 if it has no box.
    private(set) var vpcRow: [Int] = []

    var rowCount: Int { rowStart.count - 1 }
    func slots(_ row: Int) -> Range<Int> { rowStart[row]..<rowStart[row + 1] }

    init() {}

    /// Each cluster in its own block of columns: `counts[c]` slots (its VPCs shown, then its
    /// group or collapse box if it has one) in rows of `blocks[c].columns` from `blocks[c].x`.
    init(blocks: [(x: Int, columns: Int)], counts: [Int], shown: [Int], clusters: [[Int]], vpcs: Int, step: Int) {
        vpcRow = [Int](repeating: -1, count: vpcs)
        let rows = zip(counts, blocks).map { ($0 + $1.columns - 1) / $1.columns }.max() ?? 0
        items.reserveCapacity(counts.reduce(0, +))
        xs.reserveCapacity(counts.reduce(0, +))
        for r in 0..<rows {
            for (c, block) in blocks.enumerated() {
                for col in 0..<block.columns {
                    let k = r * block.columns + col
                    guard k < counts[c] else { break }
                    append(k < shown[c] ? clusters[c][k] : -1 - c, x: block.x + col * step, row: r)
                }
            }
            rowStart.append(items.count)
        }
    }

    /// All clusters one after the other in rows of `perRow` slots, each row centred in `usable`.
    init(
        counts: [Int], shown: [Int], clusters: [[Int]], vpcs: Int, perRow: Int, boxWidth: Int, gap: Int, margin: Int,
        usable: Int
    ) {
        vpcRow = [Int](repeating: -1, count: vpcs)
        let total = counts.reduce(0, +)
        var flat: [Int] = []
        flat.reserveCapacity(total)
        for (c, members) in clusters.enumerated() {
            for k in 0..<counts[c] { flat.append(k < shown[c] ? members[k] : -1 - c) }
        }
        var start = 0
        while start < flat.count {
            let n = min(perRow, flat.count - start)
            let x0 = margin + max(0, (usable - (n * boxWidth + (n - 1) * gap)) / 2)
            for k in 0..<n { append(flat[start + k], x: x0 + k * (boxWidth + gap), row: rowCount) }
            rowStart.append(items.count)
            start += n
        }
    }

    private mutating func append(_ item: Int, x: Int, row: Int) {
        if item >= 0 { vpcRow[item] = row }
        items.append(item)
        xs.append(x)
    }

    /// The rows to lay out: each row once, except that a run of rows that the router would treat
    /// alike is laid out once, as its first row standing for the run (`weight`). Rows are alike
    /// when they hold VPCs only, at the same x, each hanging off the same hubs, with the hubs'
    /// lines in the same order (the order of the VPCs' first edges), and no hub's last VPC is in
    /// them (a trunk ends there). The first row is never in a run: the hubs' own lines are in
    /// its gap. No VPC is the upper end of an edge, so every line in a run's gaps comes from a
    /// trunk.
    func rowsToLay(hubs: [[Int]]) -> [(row: Int, weight: Int)] {
        var lastRow: [Int: Int] = [:]
        for (i, row) in vpcRow.enumerated() where row >= 0 {
            for h in hubs[i] { lastRow[h] = max(lastRow[h] ?? row, row) }
        }
        let trunkEnds = Set(lastRow.values)
        func alike(_ a: Int, _ b: Int) -> Bool {
            let sa = slots(a)
            let sb = slots(b)
            guard sa.count == sb.count, a > 0, !trunkEnds.contains(a), !trunkEnds.contains(b) else { return false }
            var oneList = true
            for (p, q) in zip(sa, sb) {
                guard items[p] >= 0, items[q] >= 0, xs[p] == xs[q], hubs[items[p]] == hubs[items[q]] else {
                    return false
                }
                oneList = oneList && hubs[items[p]] == hubs[items[sa.lowerBound]]
            }
            // Rows whose VPCs all hang off the same hubs have their lines in one order.
            return oneList || lineOrder(a, hubs) == lineOrder(b, hubs)
        }
        var result: [(row: Int, weight: Int)] = []
        for row in 0..<rowCount {
            if let last = result.last, alike(last.row, row) {
                result[result.count - 1].weight += 1
            } else {
                result.append((row, 1))
            }
        }
        return result
    }

    /// The hubs of a row's VPCs in the order of their first edge into it (edges go in VPC order).
    private func lineOrder(_ row: Int, _ hubs: [[Int]]) -> [Int] {
        let vpcs = slots(row).map { items[$0] }
        guard vpcs.count > 1 else { return vpcs.first.map { hubs[$0] } ?? [] }
        var seen = Set<Int>()
        return vpcs.sorted().flatMap { hubs[$0] }.filter { seen.insert($0).inserted }
    }

    /// The row and slot of a VPC's box, if it has one.
    func slot(ofVPC i: Int) -> (row: Int, slot: Int)? {
        guard i >= 0, i < vpcRow.count, vpcRow[i] >= 0 else { return nil }
        let row = vpcRow[i]
        guard let slot = slots(row).first(where: { items[$0] == i }) else { return nil }
        return (row, slot)
    }
}
