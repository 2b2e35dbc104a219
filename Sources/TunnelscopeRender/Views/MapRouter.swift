/// Routes the map's edges between rows of boxes, and from that decides how tall each gap
/// between rows is (the rows' y positions).
///
/// Every edge goes down, from a box's bottom border to a lower box's top border. In the gap
/// between two rows, edges are drawn as *nets*, each a star that never suggests a connection
/// that is not there:
/// - all edges leaving one box in that gap share one line (a bus under the box), or
/// - edges from boxes that have only this one edge in the gap share the line of their target
///   (a bus over the target box).
/// A box gets one port (connector) per net on each side, so two nets never meet at a box. Nets
/// whose horizontal lines would overlap go on separate lanes (the gap gets taller). An edge that
/// skips rows runs down a *trunk*: one vertical line per source box, in a column that is free
/// of boxes in the rows it passes, branching off in each gap where it has targets. Where lines
/// of different nets cross, the vertical line is drawn through (no junction).
///
/// A row can stand for several identical rows one under the other (`weights`): the same boxes
/// with the same edges from trunks, and no edge leaving them or the row above. Such a row is
/// routed once; its gap and its boxes repeat every `pitch` lines, and a trunk's column is chosen
/// from the mean of all its targets as if every row were there (see `TopologyLayout`).
struct MapRouter: Sendable {
    struct Box: Sendable {
        let x: Int
        let width: Int
        let row: Int
    }

    struct Point: Hashable, Sendable {
        let x: Int
        let y: Int
    }

    /// A straight line of one owner (a source box's star and trunk, or a target box's star).
    struct Segment: Sendable {
        let from: Point
        let to: Point
        let owner: Int
    }

    /// A connector on a box border: `down` on a bottom border (the line leaves downwards).
    struct Connector: Hashable, Sendable {
        let at: Point
        let down: Bool
    }

    enum Anchor: Hashable, Sendable {
        case port(Int)
        /// The trunk of a source box.
        case trunk(Int)
    }

    enum NetKey: Hashable, Sendable {
        case source(Int)
        case target(Int)
    }

    struct Net: Sendable {
        let gap: Int
        let key: NetKey
        var upper: [Anchor] = []
        var lower: [Anchor] = []
        var lane = 0
        var owner: Int {
            switch key {
            case .source(let a): a
            case .target(let b): -1 - b
            }
        }
    }

    struct Trunk: Sendable {
        let source: Int
        let fromGap: Int
        var toGap: Int
        var x = 0
    }

    /// y of each row's top border (of its first instance, for a row that stands for several).
    private(set) var rowY: [Int] = []
    /// Per row: how many identical rows it stands for, and the lines from one to the next.
    private(set) var weights: [Int] = []
    private(set) var pitch: [Int] = []
    /// Per row that stands for several: the lines and connectors of its first instance (in its
    /// gap and on its boxes), which repeat every `pitch` lines; they are not in `segments` and
    /// `connectors`.
    private(set) var repeatedSegments: [Int: [Segment]] = [:]
    private(set) var repeatedConnectors: [Int: [Connector]] = [:]
    private(set) var height = 0
    private(set) var segments: [Segment] = []
    private(set) var connectors: [Connector] = []
    /// Per edge, the points of its path (for highlighting the selected box's edges); for an edge
    /// into a row that stands for several, the path to its first instance (see `path(_:instance:)`).
    private(set) var paths: [[Point]] = []
    /// Per edge, the row of its lower box.
    private(set) var targetRows: [Int] = []
    let boxHeight: Int

    init(
        boxes: [Box], rowCount: Int, boxHeight: Int, edges: [(from: Int, to: Int)], minX: Int, maxX: Int,
        weights: [Int] = [], fillHeight: Int = 0
    ) {
        let rowOf = { (i: Int) in boxes[i].row }
        let weights = (0..<rowCount).map { $0 < weights.count ? max(1, weights[$0]) : 1 }
        self.weights = weights
        self.boxHeight = boxHeight
        targetRows = edges.map { rowOf($0.to) }
        // Trunks: one per source box with an edge that skips a row.
        var trunkOf: [Int: Int] = [:]
        var trunks: [Trunk] = []
        for (a, b) in edges where rowOf(b) > rowOf(a) + 1 {
            if let t = trunkOf[a] {
                trunks[t].toGap = max(trunks[t].toGap, rowOf(b))
            } else {
                trunkOf[a] = trunks.count
                trunks.append(Trunk(source: a, fromGap: rowOf(a) + 1, toGap: rowOf(b)))
            }
        }

        // Pieces of edges per gap (gap g is above row g), then nets.
        struct Piece {
            let upper: Anchor
            let lower: Anchor
            let source: Int
            let target: Int?
        }
        var pieces: [[Piece]] = Array(repeating: [], count: rowCount + 1)
        for (a, b) in edges {
            let ra = rowOf(a)
            let rb = rowOf(b)
            guard rb > ra else { continue }
            if rb == ra + 1 {
                pieces[rb].append(Piece(upper: .port(a), lower: .port(b), source: a, target: b))
            } else {
                pieces[ra + 1].append(Piece(upper: .port(a), lower: .trunk(a), source: a, target: nil))
                pieces[rb].append(Piece(upper: .trunk(a), lower: .port(b), source: a, target: b))
            }
        }
        var nets: [Net] = []
        var netAnchors: [(upper: Set<Anchor>, lower: Set<Anchor>)] = []
        var netIndex: [Int: [NetKey: Int]] = [:]
        var edgeNets: [(first: Int, last: Int)] = []
        func key(_ piece: Piece, gap: Int, lowersBySource: [Int: Set<Anchor>]) -> NetKey {
            if case .trunk = piece.upper { return .source(piece.source) }
            if case .trunk = piece.lower { return .source(piece.source) }
            return (lowersBySource[piece.source]?.count ?? 0) >= 2 ? .source(piece.source) : .target(piece.target!)
        }
        var lowersByGap: [[Int: Set<Anchor>]] = Array(repeating: [:], count: rowCount + 1)
        for gap in pieces.indices {
            for piece in pieces[gap] { lowersByGap[gap][piece.source, default: []].insert(piece.lower) }
            for piece in pieces[gap] {
                let k = key(piece, gap: gap, lowersBySource: lowersByGap[gap])
                let n: Int
                if let existing = netIndex[gap]?[k] {
                    n = existing
                } else {
                    n = nets.count
                    nets.append(Net(gap: gap, key: k))
                    netAnchors.append(([], []))
                    netIndex[gap, default: [:]][k] = n
                }
                if netAnchors[n].upper.insert(piece.upper).inserted { nets[n].upper.append(piece.upper) }
                if netAnchors[n].lower.insert(piece.lower).inserted { nets[n].lower.append(piece.lower) }
            }
        }
        for (a, b) in edges {
            let ra = rowOf(a)
            let rb = rowOf(b)
            guard rb > ra else {
                edgeNets.append((-1, -1))
                continue
            }
            let first =
                netIndex[ra + 1]?[
                    rb == ra + 1
                        ? key(
                            Piece(upper: .port(a), lower: .port(b), source: a, target: b), gap: rb,
                            lowersBySource: lowersByGap[rb]) : .source(a)] ?? -1
            let last = rb == ra + 1 ? first : netIndex[rb]?[.source(a)] ?? -1
            edgeNets.append((first, last))
        }

        // Ports: one per net on each side of a box, spread along the border, ordered by where
        // the net's other end is.
        var bottomPort: [Int: [Int: Int]] = [:]  // box → net → x
        var topPort: [Int: [Int: Int]] = [:]
        var topNets: [Int: [Int]] = [:]
        var bottomNets: [Int: [Int]] = [:]
        for (n, net) in nets.enumerated() {
            for case .port(let a) in net.upper { bottomNets[a, default: []].append(n) }
            for case .port(let b) in net.lower { topNets[b, default: []].append(n) }
        }
        func centre(_ i: Int) -> Int { boxes[i].x + boxes[i].width / 2 }
        func otherEnd(_ net: Net, from upperSide: Bool) -> Int {
            let anchors = upperSide ? net.lower : net.upper
            let xs = anchors.map { anchor -> Int in
                switch anchor {
                case .port(let i), .trunk(let i): centre(i)
                }
            }
            return xs.isEmpty ? 0 : xs.reduce(0, +) / xs.count
        }
        func spread(_ box: Int, _ list: [Int], upperSide: Bool) -> [Int: Int] {
            let b = boxes[box]
            let ordered = list.sorted {
                (otherEnd(nets[$0], from: upperSide), $0) < (otherEnd(nets[$1], from: upperSide), $1)
            }
            var result: [Int: Int] = [:]
            for (k, n) in ordered.enumerated() {
                let x = b.x + b.width * (2 * k + 1) / (2 * ordered.count)
                result[n] = min(max(x, b.x + 1), b.x + b.width - 2)
            }
            return result
        }
        for (box, list) in bottomNets { bottomPort[box] = spread(box, list, upperSide: true) }
        for (box, list) in topNets { topPort[box] = spread(box, list, upperSide: false) }

        // Different nets never share a column within a gap: move a top port aside if needed.
        var usedByGap: [Int: [Int: Int]] = [:]  // gap → x → owner
        for (box, ports) in bottomPort {
            for (n, x) in ports { usedByGap[boxes[box].row + 1, default: [:]][x] = nets[n].owner }
        }
        for box in topPort.keys.sorted() {
            let gap = boxes[box].row
            for n in topPort[box]!.keys.sorted() {
                let owner = nets[n].owner
                var x = topPort[box]![n]!
                let b = boxes[box]
                let taken = Set(topPort[box]!.filter { $0.key != n }.map(\.value))
                func free(_ x: Int) -> Bool {
                    x > b.x && x < b.x + b.width - 1 && !taken.contains(x)
                        && (usedByGap[gap]?[x].map { $0 == owner } ?? true)
                }
                if !free(x), let moved = [1, -1, 2, -2, 3, -3, 4, -4].map({ x + $0 }).first(where: free) { x = moved }
                topPort[box]![n] = x
                usedByGap[gap, default: [:]][x] = owner
            }
        }

        // Trunk columns: free of boxes in the rows passed, of other owners' lines in the gaps
        // passed, and of other trunks; as close as possible to the source and its targets.
        var rowsBoxes: [[Int]] = Array(repeating: [], count: rowCount)
        for (i, box) in boxes.enumerated() where box.row < rowCount { rowsBoxes[box.row].append(i) }
        // source → the sum and count of the x of its trunk targets' ports (a row that stands for
        // several counts as many)
        var arrivals: [Int: (sum: Int, count: Int)] = [:]
        for (e, (a, b)) in edges.enumerated() where rowOf(b) > rowOf(a) + 1 {
            if let x = topPort[b]?[edgeNets[e].last] {
                let w = weights[rowOf(b)]
                arrivals[a, default: (0, 0)].sum += x * w
                arrivals[a, default: (0, 0)].count += w
            }
        }
        var placedTrunks: [Trunk] = []
        for var trunk in trunks {
            let width = maxX - minX + 1
            var blocked = Array(repeating: 0, count: width)  // 0 free, 1 next to a box, 2 taken
            for row in trunk.fromGap..<trunk.toGap {
                for i in rowsBoxes[row] {
                    let b = boxes[i]
                    for x in (b.x - 1)...(b.x + b.width) where x >= minX && x <= maxX {
                        blocked[x - minX] = max(blocked[x - minX], x < b.x || x >= b.x + b.width ? 1 : 2)
                    }
                }
            }
            for gap in trunk.fromGap...trunk.toGap {
                for (x, owner) in usedByGap[gap] ?? [:] where owner != trunk.source && x >= minX && x <= maxX {
                    blocked[x - minX] = 2
                }
            }
            for other in placedTrunks where other.fromGap <= trunk.toGap && trunk.fromGap <= other.toGap {
                for x in (other.x - 1)...(other.x + 1) where x >= minX && x <= maxX { blocked[x - minX] = 2 }
            }
            let sx = bottomPort[trunk.source]?.values.first ?? centre(trunk.source)
            let targets = arrivals[trunk.source] ?? (sx, 1)
            let tx = targets.sum / max(1, targets.count)
            var best: (cost: Int, x: Int)?
            for x in minX...maxX where blocked[x - minX] < 2 {
                let cost = abs(x - sx) + abs(x - tx) + (blocked[x - minX] == 1 ? 1000 : 0)
                if best == nil || cost < best!.cost { best = (cost, x) }
            }
            trunk.x = best?.x ?? maxX
            for gap in trunk.fromGap...trunk.toGap { usedByGap[gap, default: [:]][trunk.x] = trunk.source }
            placedTrunks.append(trunk)
        }
        var trunkX: [Int: Int] = [:]
        for trunk in placedTrunks { trunkX[trunk.source] = trunk.x }

        // A trunk that runs under its own box leaves from it straight down.
        for trunk in placedTrunks {
            let a = trunk.source
            let box = boxes[a]
            guard let ports = bottomPort[a], ports.count == 1, let (n, old) = ports.first,
                trunk.x > box.x, trunk.x < box.x + box.width - 1
            else { continue }
            if usedByGap[trunk.fromGap]?[old] == a { usedByGap[trunk.fromGap]?[old] = nil }
            bottomPort[a]?[n] = trunk.x
            usedByGap[trunk.fromGap, default: [:]][trunk.x] = a
        }

        // A single line into a box with a single top port comes straight down when it can.
        for (n, net) in nets.enumerated() where net.upper.count == 1 && net.lower.count == 1 {
            guard case .port(let b) = net.lower[0], topNets[b]?.count == 1 else { continue }
            let upperX: Int
            switch net.upper[0] {
            case .trunk(let a): upperX = trunkX[a] ?? centre(a)
            case .port(let a): upperX = bottomPort[a]?[n] ?? centre(a)
            }
            let box = boxes[b]
            guard upperX > box.x, upperX < box.x + box.width - 1,
                usedByGap[net.gap]?[upperX].map({ $0 == net.owner }) ?? true
            else { continue }
            if let old = topPort[b]?[n], usedByGap[net.gap]?[old] == net.owner { usedByGap[net.gap]?[old] = nil }
            topPort[b]?[n] = upperX
            usedByGap[net.gap, default: [:]][upperX] = net.owner
        }

        // Lanes: nets whose horizontal spans overlap (or touch) go on separate lanes.
        func xs(_ net: Int) -> (upper: [Int], lower: [Int]) {
            func x(_ anchor: Anchor, upper: Bool) -> Int {
                switch anchor {
                case .trunk(let a): return trunkX[a] ?? centre(a)
                case .port(let i): return (upper ? bottomPort[i]?[net] : topPort[i]?[net]) ?? centre(i)
                }
            }
            return (nets[net].upper.map { x($0, upper: true) }, nets[net].lower.map { x($0, upper: false) })
        }
        var laneCount = Array(repeating: 1, count: rowCount + 1)
        var netsByGap: [[Int]] = Array(repeating: [], count: rowCount + 1)
        for (n, net) in nets.enumerated() { netsByGap[net.gap].append(n) }
        var spans: [Int: (lo: Int, hi: Int)] = [:]
        for gap in netsByGap.indices {
            var lanesEnd: [Int] = []
            let ordered = netsByGap[gap].map { n -> (n: Int, lo: Int, hi: Int) in
                let (u, l) = xs(n)
                let all = u + l
                return (n, all.min() ?? 0, all.max() ?? 0)
            }.sorted { ($0.lo, $0.hi, $0.n) < ($1.lo, $1.hi, $1.n) }
            for item in ordered {
                spans[item.n] = (item.lo, item.hi)
                guard item.lo < item.hi else {
                    nets[item.n].lane = 0
                    continue
                }
                if let lane = lanesEnd.firstIndex(where: { $0 + 1 < item.lo }) {
                    nets[item.n].lane = lane
                    lanesEnd[lane] = item.hi
                } else {
                    nets[item.n].lane = lanesEnd.count
                    lanesEnd.append(item.hi)
                }
            }
            laneCount[gap] = max(1, lanesEnd.count)
        }
        // A map shorter than its window spreads its rows (up to 4 more lines per gap between
        // rows), so that it uses the window's height. Nets stay at the top of their gap.
        if rowCount > 1, weights.allSatisfy({ $0 == 1 }) {
            let natural = laneCount.prefix(rowCount).reduce(0, +) + rowCount * boxHeight
            let extra = min(4, max(0, fillHeight - natural) / (rowCount - 1))
            for gap in 1..<rowCount { laneCount[gap] += extra }
        }

        // Rows' y positions: each row below its gap.
        var y = 0
        for row in 0..<rowCount {
            y += laneCount[row]
            rowY.append(y)
            pitch.append(laneCount[row] + boxHeight)
            y += boxHeight + (weights[row] - 1) * (laneCount[row] + boxHeight)
        }
        height = y
        let rowY = self.rowY
        func laneY(_ net: Int) -> Int { rowY[nets[net].gap] - laneCount[nets[net].gap] + nets[net].lane }
        func bottom(_ box: Int) -> Int { rowY[boxes[box].row] + boxHeight - 1 }
        func top(_ box: Int) -> Int { rowY[boxes[box].row] }

        // Geometry: a net's lines and connectors repeat with its gap when the row below the gap
        // stands for several (its upper anchors are then trunks, its lower ones ports of that row).
        var segments: [Segment] = []
        var connectors = Set<Connector>()
        var repeatedSegments: [Int: [Segment]] = [:]
        var repeatedConnectors: [Int: Set<Connector>] = [:]
        for (n, net) in nets.enumerated() {
            let ly = laneY(n)
            let owner = net.owner
            let repeated = weights[net.gap] > 1
            func add(_ segment: Segment) {
                if repeated { repeatedSegments[net.gap, default: []].append(segment) } else { segments.append(segment) }
            }
            func add(_ connector: Connector) {
                if repeated {
                    repeatedConnectors[net.gap, default: []].insert(connector)
                } else {
                    connectors.insert(connector)
                }
            }
            if let span = spans[n], span.lo < span.hi {
                add(Segment(from: Point(x: span.lo, y: ly), to: Point(x: span.hi, y: ly), owner: owner))
            }
            for case .port(let a) in net.upper {
                let x = bottomPort[a]?[n] ?? centre(a)
                add(Segment(from: Point(x: x, y: bottom(a)), to: Point(x: x, y: ly), owner: owner))
                add(Connector(at: Point(x: x, y: bottom(a)), down: true))
            }
            for case .port(let b) in net.lower {
                let x = topPort[b]?[n] ?? centre(b)
                add(Segment(from: Point(x: x, y: ly), to: Point(x: x, y: top(b)), owner: owner))
                add(Connector(at: Point(x: x, y: top(b)), down: false))
            }
        }
        self.repeatedSegments = repeatedSegments
        self.repeatedConnectors = repeatedConnectors.mapValues { $0.sorted { ($0.at.y, $0.at.x) < ($1.at.y, $1.at.x) } }
        for trunk in placedTrunks {
            let a = trunk.source
            guard let first = netIndex[trunk.fromGap]?[.source(a)] else { continue }
            var lastY = laneY(first)
            for gap in trunk.fromGap...trunk.toGap {
                if let n = netIndex[gap]?[.source(a)] { lastY = max(lastY, laneY(n)) }
            }
            segments.append(
                Segment(from: Point(x: trunk.x, y: laneY(first)), to: Point(x: trunk.x, y: lastY), owner: a))
        }
        self.segments = segments
        self.connectors = connectors.sorted { ($0.at.y, $0.at.x) < ($1.at.y, $1.at.x) }

        // Each edge's own path.
        paths = edges.enumerated().map { e, edge in
            let (a, b) = edge
            let (first, last) = edgeNets[e]
            guard first >= 0, last >= 0 else { return [] }
            let pa = bottomPort[a]?[first] ?? centre(a)
            let pb = topPort[b]?[last] ?? centre(b)
            if first == last {
                let ly = laneY(first)
                return [Point(x: pa, y: bottom(a)), Point(x: pa, y: ly), Point(x: pb, y: ly), Point(x: pb, y: top(b))]
            }
            let vx = trunkX[a] ?? pa
            return [
                Point(x: pa, y: bottom(a)), Point(x: pa, y: laneY(first)), Point(x: vx, y: laneY(first)),
                Point(x: vx, y: laneY(last)), Point(x: pb, y: laneY(last)), Point(x: pb, y: top(b)),
            ]
        }
    }
}

extension MapRouter {
    /// The first line of a row's gap (of its first instance).
    func gapTop(_ row: Int) -> Int { rowY[row] - (pitch[row] - boxHeight) }

    /// The instances of a row that stands for several whose gap or boxes reach the rows of
    /// `visible` or the line on either side of it.
    func instances(of row: Int, near visible: Range<Int>) -> Range<Int> {
        let p = pitch[row]
        let top = gapTop(row)
        // Instance j covers top + j·p ..< top + (j + 1)·p.
        func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        let first = max(0, floorDiv(visible.lowerBound - 1 - top, p))
        let last = min(weights[row] - 1, floorDiv(visible.upperBound - top, p))
        return first..<max(first, last + 1)
    }

    /// The lines that reach the rows of `visible`, or the line on either side of it (those of the
    /// rows that stand for several, once per instance there), and the others.
    func segments(near visible: Range<Int>) -> [Segment] {
        var result = segments
        for (row, repeated) in repeatedSegments.sorted(by: { $0.key < $1.key }) {
            for j in instances(of: row, near: visible) {
                let dy = j * pitch[row]
                for s in repeated {
                    result.append(
                        Segment(
                            from: Point(x: s.from.x, y: s.from.y + dy), to: Point(x: s.to.x, y: s.to.y + dy),
                            owner: s.owner))
                }
            }
        }
        return result
    }

    /// The connectors on the rows of `visible`, by position.
    func connectors(in visible: Range<Int>) -> [Connector] {
        var result = connectors.filter { visible.contains($0.at.y) }
        for (row, repeated) in repeatedConnectors {
            for j in instances(of: row, near: visible) {
                let dy = j * pitch[row]
                for c in repeated where visible.contains(c.at.y + dy) {
                    result.append(Connector(at: Point(x: c.at.x, y: c.at.y + dy), down: c.down))
                }
            }
        }
        return result.sorted { ($0.at.y, $0.at.x) < ($1.at.y, $1.at.x) }
    }

    /// The path of an edge to instance `j` of its lower box's row: the part in that row's gap
    /// moves down with it.
    func path(_ edge: Int, instance j: Int) -> [Point] {
        let row = targetRows[edge]
        guard j > 0 else { return paths[edge] }
        let top = gapTop(row)
        let dy = j * pitch[row]
        return paths[edge].map { $0.y >= top ? Point(x: $0.x, y: $0.y + dy) : $0 }
    }
}
