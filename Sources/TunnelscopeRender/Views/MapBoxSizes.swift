import TunnelscopeCanvas
import TunnelscopeText

/// How wide the map's boxes are: on a wide map, as wide as their text needs (fewer columns
/// of wider boxes, down to three), so names are not cut when there is room; on a narrow one
/// (below `textSizedWidth` columns), as many as fit, truncated.
extension TopologyLayout {
    static let textSizedWidth = 100
    /// No box is widened past this for one long name.
    static let widestBox = 48

    /// Columns of boxes for a map `width` wide with `usable` columns for boxes.
    static func columns(usable: Int, width: Int, gap: Int, widest: Int) -> Int {
        let fitting = max(1, min(6, usable / (width < 120 ? 22 : 30)))
        guard width >= textSizedWidth else { return fitting }
        let needed = min(widestBox, widest)
        let byText = max(1, (usable + gap) / (needed + gap))
        return max(min(3, fitting), min(fitting, byText))
    }

    /// The width a box needs for its text: borders, the health mark and its lines.
    static func boxWidth(forText node: Node) -> Int {
        (node.lines.prefix(2).map { line in line.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0) + 5
    }

    /// The widest box text of the map's boxes but the VPN links' (which have their own width):
    /// the sites, hubs, GCP boxes, and the VPCs' (or the group boxes') as the scope shows them.
    static func widestText(_ boxes: Boxes, _ scope: MapScope, _ insights: Insights) -> Int {
        let vpcs: Int =
            switch scope.mode {
            case .accounts: max(36, insights.index.mapGroups.widestVPCBox)
            case .hubs, .zoom: insights.index.mapGroups.widestVPCBox
            }
        return max(boxes.widest, vpcs)
    }
}
