import TunnelscopeModel
import TunnelscopeText

/// auto-mode-network: a GCP network in auto subnet mode where a custom-mode network is required:
/// error when it carries the VPN (HA VPN gateway or Cloud Router on it), warning when it sits in a
/// Shared VPC host project. Auto mode carves subnets out of 10.128.0.0/9 and adds one in every
/// new region, outside any address plan. (Legacy networks are not flagged: a custom network
/// exported through the REST API without `autoCreateSubnetworks` reads as legacy.)
enum AutoModeNetworkRule: AnalysisRule {
    static let id = "auto-mode-network"
    static let summary =
        "A GCP network in auto mode where custom mode is required: VPN-attached (error) or in a Shared VPC host project (warning)."
    static let autoModeBlock = CIDR("10.128.0.0/9")!

    static func findings(_ c: AnalysisContext) -> [Finding] {
        var result: [Finding] = []
        for network in c.model.gcpNetworks where network.subnetMode == .auto {
            let vpn = c.index.isVPNAttached(network.ref)
            let host = c.index.isSharedVPCHost(network.project)
            guard vpn || host else { continue }
            let clash = c.space.owners(overlapping: autoModeBlock).filter {
                $0.kind.side != .gcp && $0.kind != .awsSubnet && $0.hybrid
            }
            let clashNote =
                clash.isEmpty
                ? ""
                : "; \(clash.map(\.label).listed(limit: 2)) already \(clash.count == 1 ? "lies" : "lie") in that block"
            let place = vpn ? "carries the VPN" : "sits in the Shared VPC host project \(network.project)"
            let why = vpn ? "each is advertised to AWS and on-prem" : "service projects can build on them"
            result.append(
                Finding(
                    rule: Self.id, severity: vpn ? .error : .warning,
                    message:
                        "GCP network \(c.index.gcpName(network.ref)) is in auto mode and \(place): it takes its subnets from \(autoModeBlock) outside the address plan, adds one in every new region, and \(why)\(clashNote)",
                    resources: [network.ref.id]
                        + (c.index.gcpSubnetsByNetwork[network.ref] ?? []).map { c.model.gcpSubnets[$0].ref.id },
                    hint: vpn
                        ? "Move the VPN to a custom-mode network (the auto-mode network cannot be switched back); at least switch it: \(Shell.command("gcloud", "compute", "networks", "update", network.name, "--project", network.project, "--switch-to-custom-subnet-mode"))."
                        : "Delete it if unused (\(Shell.command("gcloud", "compute", "networks", "delete", network.name, "--project", network.project))), or switch it to custom mode (--switch-to-custom-subnet-mode)."
                ))
        }
        return result
    }
}
