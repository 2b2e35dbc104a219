import TunnelscopeCanvas

/// The map's rows of boxes, one under the other: the router's rows, each standing for one row or
/// (in an expanded VPC grid) for a run of alike rows, whose boxes are made when they are asked
/// for. Everything here answers as if every row had been laid out.
extension TopologyLayout {
    struct RowInfo: Sendable {
        let band: Int
        /// The row's boxes (of its first instance) in its band's laid out nodes.
        let nodes: Range<Int>
        /// How many rows it stands for.
        let weight: Int
        /// The VPC grid row of its first instance; -1 outside the VPC band.
        let gridRow: Int
    }

    /// What makes the boxes of the rows laid out once for several.
    struct Repeated: Sendable {
        let grid: VPCGrid
        let boxes: VPCBoxes
        let health: VerdictHealth
        /// Per cluster: how many of its VPCs have boxes.
        let shownInCluster: [Int]
        /// Where the hub → VPC edges are in `laidEdges`.
        let vpcEdges: Range<Int>
    }

    /// A row of boxes: router row and instance.
    struct RowRef: Equatable {
        let row: Int
        let instance: Int
    }

    /// Where a box is: its row and its position in it.
    struct Place {
        let at: RowRef
        let index: Int
    }

    /// The boxes of one row, from left to right.
    func nodes(of ref: RowRef) -> [Node] {
        let info = rowInfo[ref.row]
        let laid = laidBands[info.band].nodes[info.nodes]
        guard ref.instance > 0, let repeated, let routing else { return Array(laid) }
        let y = routing.rowY[ref.row] + ref.instance * routing.pitch[ref.row]
        let grid = repeated.grid
        return grid.slots(info.gridRow + ref.instance).map {
            repeated.boxes.node(grid.items[$0], x: grid.xs[$0], y: y, health: { repeated.health($0) })
        }
    }

    /// The row after (`by` 1) or before (-1) a row, if any.
    func row(after ref: RowRef, by step: Int) -> RowRef? {
        if step > 0 {
            if ref.instance + 1 < rowInfo[ref.row].weight { return RowRef(row: ref.row, instance: ref.instance + 1) }
            return ref.row + 1 < rowInfo.count ? RowRef(row: ref.row + 1, instance: 0) : nil
        }
        if ref.instance > 0 { return RowRef(row: ref.row, instance: ref.instance - 1) }
        return ref.row > 0 ? RowRef(row: ref.row - 1, instance: rowInfo[ref.row - 1].weight - 1) : nil
    }

    /// Where a box is, by node ID.
    func place(_ id: String) -> Place? {
        if let at = nodeIndex[id] {
            return Place(at: RowRef(row: at.row, instance: 0), index: at.node - rowInfo[at.row].nodes.lowerBound)
        }
        guard let repeated, let i = scope.vpcs.position[id],
            let (gridRow, slot) = repeated.grid.slot(ofVPC: i),
            let row = rowInfo.firstIndex(where: {
                $0.gridRow >= 0 && $0.gridRow <= gridRow && gridRow < $0.gridRow + $0.weight
            })
        else { return nil }
        return Place(
            at: RowRef(row: row, instance: gridRow - rowInfo[row].gridRow),
            index: slot - repeated.grid.slots(gridRow).lowerBound)
    }

    /// The bands with all their boxes.
    public var bands: [Band] {
        guard repeated != nil else { return laidBands }
        var result = laidBands
        for b in result.indices { result[b].nodes = [] }
        for row in rowInfo.indices {
            for instance in 0..<rowInfo[row].weight {
                result[rowInfo[row].band].nodes += nodes(of: RowRef(row: row, instance: instance))
            }
        }
        return result
    }

    public var nodes: [Node] { bands.flatMap(\.nodes) }

    /// The first and the last box of the map (top left, bottom right; a row's boxes go from left
    /// to right).
    public var firstNode: Node? { rowInfo.isEmpty ? nil : nodes(of: RowRef(row: 0, instance: 0)).first }
    public var lastNode: Node? {
        guard let last = rowInfo.indices.last else { return nil }
        return nodes(of: RowRef(row: last, instance: rowInfo[last].weight - 1)).last
    }

    public func node(_ id: String?) -> Node? {
        guard let id else { return nil }
        if let at = nodeIndex[id] { return laidBands[at.band].nodes[at.node] }
        guard let place = place(id) else { return nil }
        return nodes(of: place.at)[place.index]
    }

    /// The row whose boxes cover line `y`, if any.
    func row(at y: Int) -> RowRef? {
        guard let routing else { return nil }
        for (row, info) in rowInfo.enumerated() {
            let offset = y - routing.rowY[row]
            guard offset >= 0 else { return nil }
            let instance = offset / routing.pitch[row]
            if instance < info.weight {
                return offset - instance * routing.pitch[row] < routing.boxHeight
                    ? RowRef(row: row, instance: instance) : nil
            }
        }
        return nil
    }

    public func node(at x: Int, _ y: Int) -> Node? {
        guard let ref = row(at: y) else { return nil }
        return nodes(of: ref).first { $0.rect.contains(x: x, y: y) }
    }

    /// The rows whose boxes reach into the lines of `visible`.
    func rows(in visible: Range<Int>) -> [RowRef] {
        guard let routing else { return [] }
        var result: [RowRef] = []
        for row in rowInfo.indices {
            for instance in routing.instances(of: row, near: visible) {
                let y = routing.rowY[row] + instance * routing.pitch[row]
                if y < visible.upperBound, y + routing.boxHeight > visible.lowerBound {
                    result.append(RowRef(row: row, instance: instance))
                }
            }
        }
        return result
    }

    /// Edges leaving a box (towards the boxes below it).
    public func edges(from id: String) -> [Edge] { edges.filter { $0.from == id } }

    /// Edges reaching a box (from the boxes above it).
    public func edges(to id: String) -> [Edge] { edges.filter { $0.to == id } }

    /// Every line drawn between two boxes, by node ID (group boxes stand for their members).
    public var edges: [Edge] {
        guard let repeated else { return laidEdges }
        // The hub → VPC edges again, for every VPC with a box, in the order the layout adds them.
        let mapVPCs = scope.vpcs
        let vpcOrder = repeated.boxes.insights.index.vpcOrder
        let graph = repeated.boxes.insights.index.graph
        var vpcEdges: [Edge] = []
        var toGroup = Set<Int>()
        var groupHubs = [Int](repeating: 0, count: mapVPCs.clusters.count)
        for i in vpcOrder.indices {
            let c = mapVPCs.cluster[i]
            guard c >= 0 else { continue }
            let shown = mapVPCs.rank[i] < repeated.shownInCluster[c]
            if !shown, groupHubs[c] >= scope.hiddenHubs[c] { continue }
            for hub in mapVPCs.hubs[i] where nodeIndex[graph.hubs[hub].id] != nil {
                if shown {
                    vpcEdges.append(Edge(from: graph.hubs[hub].id, to: vpcOrder[i].vpc.id))
                } else if toGroup.insert(hub * mapVPCs.clusters.count + c).inserted {
                    groupHubs[c] += 1
                    let group = "group:\(scope.keys[c])"
                    if nodeIndex[group] != nil { vpcEdges.append(Edge(from: graph.hubs[hub].id, to: group)) }
                }
            }
        }
        return Array(laidEdges[..<repeated.vpcEdges.lowerBound]) + vpcEdges
            + laidEdges[repeated.vpcEdges.upperBound...]
    }

    /// The node to go to from `id` in a direction (nearest by centre in the row above/below; left
    /// and right wrap to the row above/below).
    public func neighbour(of id: String?, dx: Int, dy: Int) -> String? {
        guard let id, let place = place(id) else { return firstNode?.id }
        let row = nodes(of: place.at)
        let current = row[place.index]
        let cx = current.rect.x + current.rect.width / 2
        if dy != 0 {
            guard let next = self.row(after: place.at, by: dy) else { return id }
            return nodes(of: next).min {
                abs($0.rect.x + $0.rect.width / 2 - cx) < abs($1.rect.x + $1.rect.width / 2 - cx)
            }?.id ?? id
        }
        let sorted = row.sorted { $0.rect.x < $1.rect.x }
        guard let i = sorted.firstIndex(where: { $0.id == id }) else { return id }
        if sorted.indices.contains(i + dx) { return sorted[i + dx].id }
        // Wrap to the next/previous row of boxes.
        guard dx != 0, let next = self.row(after: place.at, by: dx) else { return id }
        let boxes = nodes(of: next)
        return (dx > 0 ? boxes.min { $0.rect.x < $1.rect.x } : boxes.max { $0.rect.x < $1.rect.x })?.id ?? id
    }
}

extension TopologyLayout {
    /// The cells in the lines of `visible` of the paths of the selected box's edges (to be drawn lit).
    func litCells(_ selected: String, within visible: Range<Int>) -> Set<MapRouter.Point> {
        guard let routing else { return [] }
        var lit = Set<MapRouter.Point>()
        let place = repeated == nil ? nil : self.place(selected)
        for (e, edge) in laidEdges.enumerated() {
            let row = routing.targetRows[e]
            let weight = routing.weights[row]
            var instances: [Int] = []
            if weight == 1 {
                if edge.from == selected || edge.to == selected { instances = [0] }
            } else if edge.from == selected {
                // To every instance of its row: those near the window, and the last (the trunk to
                // it passes those of all the others).
                instances = Array(routing.instances(of: row, near: visible)) + [weight - 1]
            } else if let place, place.at.row == row, let to = nodeIndex[edge.to],
                to.node - rowInfo[row].nodes.lowerBound == place.index
            {
                instances = [place.at.instance]
            }
            for j in instances {
                for cell in TopologyView.cells(routing.path(e, instance: j), within: visible) { lit.insert(cell) }
            }
        }
        return lit
    }
}
