import TunnelscopeModel

/// The counts at the top of every report (and the `summary` object of the JSON contract).
struct InventorySummary {
    let model: NetworkModel

    var tunnelsDown: Int { model.tunnels.filter(\.isDown).count }
    var bgpSessionsDown: Int {
        model.tunnels.filter { $0.hasBGP && $0.bgpDown }.count
            + model.virtualInterfaces.flatMap(\.bgpPeers).filter { $0.bgpStatus != nil && $0.bgpStatus != "up" }.count
    }

    var json: CheckJSON.Summary {
        CheckJSON.Summary(
            awsAccounts: model.awsAccounts.count,
            gcpProjects: model.gcpProjects.filter { $0.role != .external }.count,
            awsVpcs: model.vpcs.count, gcpNetworks: model.gcpNetworks.count, onPremSites: model.onPremSites.count,
            tunnels: model.tunnels.count, crossCloudTunnels: model.tunnels.filter(\.isCrossCloud).count,
            tunnelsDown: tunnelsDown, bgpSessionsDown: bgpSessionsDown)
    }
}
