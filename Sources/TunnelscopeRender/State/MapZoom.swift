/// Zooming the map into one group of VPCs (Enter on a group box) and out again (Esc).
extension Reducer {
    /// Shows the group's VPCs as the map, the first selected.
    static func zoom(_ state: inout AppState, into group: String) {
        state.navigation.mapZoom = group
        state.derive()
        let scope = state.topology.scope
        let first = scope.vpcs.clusters.first?.vpcs.first.map { state.insights.index.vpcOrder[$0].vpc.id }
        state.navigation.topologySelection = first ?? state.topology.firstNode?.id
        state.navigation.topologyScroll = 0
        revealTopology(&state)
    }

    /// Back to the map of every group, with the selection if it has a box there (a hub, a site, a
    /// VPC of an expanded group), else the group's box.
    static func zoomOut(_ state: inout AppState) {
        guard let group = state.navigation.mapZoom else { return }
        let selected = state.navigation.topologySelection
        state.navigation.mapZoom = nil
        state.derive()
        if let selected, state.topology.node(selected) != nil {
            state.navigation.topologySelection = selected  // a hub, a site, or a VPC of an expanded group
        } else if state.topology.node("group:\(group)") != nil {
            state.navigation.topologySelection = "group:\(group)"
        } else {
            state.navigation.topologySelection = state.topology.firstNode?.id
        }
        revealTopology(&state)
    }

    /// The map's box that shows an element: its own, or for a VPC in a collapsed group the group's.
    static func mapBox(showing id: String, in state: AppState) -> String? {
        let map = state.topology
        if map.node(id) != nil { return id }
        guard let i = map.scope.vpcs.position[id], case let c = map.scope.vpcs.cluster[i], c >= 0 else { return nil }
        let group = "group:\(map.scope.keys[c])"
        return map.node(group) != nil ? group : nil
    }
}
