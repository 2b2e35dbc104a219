import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeText

/// The handoff to the live clouds: for an element the exports describe, the read-only `aws` or
/// `gcloud` command that shows its state now. Only describe/get verbs; every value from the
/// exports is shell-quoted; a flag's value is written `--flag=value` and a name that starts with
/// `-` comes after `--`, so nothing from an export can be read as an option. A region or project
/// is given when the exports say it, never guessed; no profile or account is invented.
public struct LiveCommand: Sendable, Equatable {
    public enum Cloud: String, Sendable {
        case aws = "AWS"
        case gcp = "GCP"
    }

    public let cloud: Cloud
    /// What it shows, e.g. "VPN connection and its tunnels' status".
    public let what: String
    /// The arguments, unquoted, as the command receives them.
    public let arguments: [String]

    /// The line to paste into a shell.
    public var line: String { Shell.command(arguments) }

    /// The commands for an element: one per side for a physical tunnel seen from both clouds.
    public static func commands(for id: String, in model: NetworkModel) -> [LiveCommand] {
        if let tunnel = model.tunnel(id) {
            var commands: [LiveCommand] = []
            if let a = tunnel.aws { commands += vpnConnection(a.vpnConnectionId, in: model, tunnel: a.tunnelNumber) }
            if let g = tunnel.gcp { commands.append(gcloud("vpn-tunnels", "describe", g.tunnel.ref, "VPN tunnel")) }
            if let router = tunnel.gcp?.router {
                commands.append(gcloud("routers", "get-status", router, "Cloud Router BGP sessions and learned routes"))
            }
            return commands
        }
        if model.vpnConnection(id) != nil { return vpnConnection(id, in: model, tunnel: nil) }
        if let g = model.customerGateway(id) {
            let region = model.vpnConnections.first { $0.customerGatewayId == g.id }.flatMap {
                connectionRegion($0, model)
            }
            return [aws("describe-customer-gateways", "--customer-gateway-ids", g.id, region, "customer gateway")]
        }
        if let t = model.transitGateway(id) {
            return [aws("describe-transit-gateways", "--transit-gateway-ids", t.id, t.region, "Transit Gateway")]
        }
        if let v = model.vpnGatewayIndex[id].map({ model.vpnGateways[$0] }) {
            let region = model.vpnConnections.first { $0.vpnGatewayId == v.id }.flatMap { connectionRegion($0, model) }
            return [aws("describe-vpn-gateways", "--vpn-gateway-ids", v.id, region, "virtual private gateway")]
        }
        if let v = model.virtualInterfaces.first(where: { $0.id == id }) {
            return [
                LiveCommand(
                    cloud: .aws, what: "Direct Connect virtual interface and its BGP peers",
                    arguments: [
                        "aws", "directconnect", "describe-virtual-interfaces", "--virtual-interface-id=\(v.id)",
                    ])
            ]
        }
        // GCP elements by their reference (an interface `…#if0` or a BGP session `…/bgpPeers/NAME`
        // is shown with its gateway's or router's command): index lookups, no scan.
        guard id.hasPrefix("projects/") else { return [] }
        let base = String(id.split(separator: "#", maxSplits: 1)[0])
        let owner = base.range(of: "/bgpPeers/").map { String(base[..<$0.lowerBound]) } ?? base
        guard let ref = GCPRef(url: owner) else { return [] }
        if let r = model.cloudRouterIndex[ref].map({ model.cloudRouters[$0] }) {
            return [gcloud("routers", "get-status", r.ref, "Cloud Router BGP sessions and learned routes")]
        }
        if let g = model.haGatewayIndex[ref].map({ model.haVpnGateways[$0] }) {
            return [gcloud("vpn-gateways", "describe", g.ref, "HA VPN gateway and its interfaces")]
        }
        if let g = model.externalGatewayIndex[ref].map({ model.externalVpnGateways[$0] }) {
            return [gcloud("external-vpn-gateways", "describe", g.ref, "peer VPN gateway")]
        }
        return []
    }

    /// The command `y` copies: on a tunnel, the side in view (the GCP one on the GCP side).
    public static func preferred(for id: String, in model: NetworkModel, side: Cloud?) -> LiveCommand? {
        let all = commands(for: id, in: model)
        return all.first { $0.cloud == side } ?? all.first
    }

    private static func vpnConnection(_ id: String, in model: NetworkModel, tunnel: Int?) -> [LiveCommand] {
        let region = model.vpnConnection(id).flatMap { connectionRegion($0, model) }
        let what = tunnel.map { "VPN connection (tunnel \($0) in VgwTelemetry)" } ?? "VPN connection and its tunnels"
        return [aws("describe-vpn-connections", "--vpn-connection-ids", id, region, what)]
    }

    /// A VPN connection on a Transit Gateway is in the TGW's region (the export says the TGW's).
    private static func connectionRegion(_ connection: VPNConnection, _ model: NetworkModel) -> String? {
        connection.transitGatewayId.flatMap { model.transitGateway($0)?.region }
    }

    private static func aws(_ verb: String, _ flag: String, _ id: String, _ region: String?, _ what: String)
        -> LiveCommand
    {
        var arguments = ["aws", "ec2", verb, "\(flag)=\(id)"]
        if let region, !region.isEmpty { arguments.append("--region=\(region)") }
        return LiveCommand(cloud: .aws, what: what, arguments: arguments)
    }

    private static func gcloud(_ group: String, _ verb: String, _ ref: GCPRef, _ what: String) -> LiveCommand {
        var flags: [String] = []
        if let region = ref.region { flags.append("--region=\(region)") }
        flags.append("--project=\(ref.project)")
        let command = ["gcloud", "compute", group, verb]
        // A name read as an option would change what runs: after `--` it is only a name.
        let arguments =
            ref.name.hasPrefix("-") ? command + flags + ["--", ref.name] : command + [ref.name] + flags
        return LiveCommand(cloud: .gcp, what: what, arguments: arguments)
    }

    /// The line split for a narrow pane: the command and its name, then each flag on a line of its
    /// own, joined by ` \` so that the lines selected with the mouse paste as one command.
    public var lines: [String] {
        guard line.count > 60 else { return [line] }
        let quoted = arguments.map(Shell.quote)
        let head = quoted.prefix { !$0.hasPrefix("--") }
        let rest = quoted.dropFirst(head.count)
        guard !rest.isEmpty else { return [line] }
        var lines = [head.joined(separator: " ")]
        var pending = ""
        for word in rest {
            // `--` and the name after it stay together.
            if word == "--" {
                pending = "-- "
                continue
            }
            lines.append("  " + pending + word)
            pending = ""
        }
        return lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + " \\" : $0.element }
    }

    /// The message after `y`.
    static func message(_ line: String, _ outcome: CopyOutcome) -> Span {
        switch outcome {
        case .sent:
            Span("copied: \(line)", Style(.ok))
        case .unavailable(let reason):
            Span("Not copied (\(reason)); select the command in the detail (d) with the mouse", Style(.warning))
        }
    }
}
