import Foundation
import TunnelscopeModel

/// `describe-vpn-connections`, `describe-customer-gateways`, `describe-vpn-gateways`.
///
/// A VPN connection's tunnels are joined from three places on the AWS outside IP, never on
/// their position: `Options.TunnelOptions[]`, `VgwTelemetry[]` and the `<ipsec_tunnel>` blocks of
/// the `CustomerGatewayConfiguration` XML. Pre-shared keys are never read: the parser leaves only a
/// per-process fingerprint of each (`SecretFingerprint`), for `diff` to tell that one changed.
enum AWSVPNDecoders {
    static func customerGateway(_ n: Node) throws(DecodeError) -> CustomerGateway {
        try rejectDeleted(n)
        return CustomerGateway(
            id: try n.required("CustomerGatewayId"), accountId: n.string("OwnerId"),
            ipAddress: n.ipv4("IpAddress"), bgpAsn: n.int("BgpAsn") ?? n.int("BgpAsnExtended"),
            state: n.string("State"), tags: n.tags(), source: n.source)
    }

    static func vpnGateway(_ n: Node) throws(DecodeError) -> VPNGateway {
        try rejectDeleted(n)
        return VPNGateway(
            id: try n.required("VpnGatewayId"), accountId: n.string("OwnerId"),
            amazonSideAsn: n.int("AmazonSideAsn"), state: n.string("State"),
            attachedVpcIds: n.array("VpcAttachments").filter { $0.string("State") != "detached" }
                .compactMap { $0.string("VpcId") },
            tags: n.tags(), source: n.source)
    }

    static func vpnConnection(_ n: Node) throws(DecodeError) -> VPNConnection {
        let id = try n.required("VpnConnectionId")
        try rejectDeleted(n)
        let options = n.object("Options")
        var tunnels: [IPv4Address: AWSTunnel] = [:]

        for option in options?.array("TunnelOptions") ?? [] {
            guard let ip = option.ipv4("OutsideIpAddress") else {
                option.context.warn(option.path, "tunnel without OutsideIpAddress; ignored")
                continue
            }
            var tunnel = AWSTunnel(outsideIp: ip, source: option.source)
            tunnel.insideCidr = option.cidr("TunnelInsideCidr").cidr
            tunnel.ikeVersions = option.array("IkeVersions").compactMap { $0.string("Value") }
            tunnel.preSharedKey = option.secretFingerprint("PreSharedKey")
            tunnels[ip] = tunnel
        }
        for telemetry in n.array("VgwTelemetry") {
            guard let ip = telemetry.ipv4("OutsideIpAddress") else { continue }
            var tunnel = tunnels[ip] ?? AWSTunnel(outsideIp: ip, hasTunnelOptions: false, source: telemetry.source)
            let status = telemetry.string("Status")
            tunnel.status = TunnelStatus(rawValue: status?.uppercased() ?? "") ?? .unknown
            tunnel.statusMessage = telemetry.string("StatusMessage")
            tunnel.acceptedRouteCount = telemetry.int("AcceptedRouteCount")
            tunnel.lastStatusChange = telemetry.string("LastStatusChange")
            tunnels[ip] = tunnel
        }
        if let xmlText = n.longString("CustomerGatewayConfiguration"), !xmlText.isEmpty {
            mergeConfiguration(xmlText, into: &tunnels, node: n)
        }
        // Fall back to the N+1 / N+2 convention where the XML said nothing.
        for (ip, var tunnel) in tunnels where tunnel.awsInsideIp == nil {
            if let cidr = tunnel.insideCidr?.normalized, cidr.prefixLength == 30 {
                tunnel.awsInsideIp = cidr.network.advanced(by: 1)
                tunnel.customerInsideIp = cidr.network.advanced(by: 2)
                tunnel.insideAddressSource = .convention
                tunnels[ip] = tunnel
            }
        }
        let staticRoutes = n.array("Routes").filter { $0.string("State") != "deleted" }.compactMap {
            $0.cidr("DestinationCidrBlock").cidr
        }
        return VPNConnection(
            id: id, accountId: n.string("OwnerId"), state: n.string("State"),
            customerGatewayId: n.string("CustomerGatewayId"), transitGatewayId: n.string("TransitGatewayId"),
            vpnGatewayId: n.string("VpnGatewayId").flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 },
            staticRoutesOnly: options?.bool("StaticRoutesOnly") ?? false, category: n.string("Category"),
            staticRoutes: staticRoutes, tunnels: tunnels.values.sorted { $0.outsideIp < $1.outsideIp },
            tags: n.tags(), source: n.source)
    }

    private static func mergeConfiguration(
        _ xmlText: String, into tunnels: inout [IPv4Address: AWSTunnel], node n: Node
    ) {
        let path = n.path + ".CustomerGatewayConfiguration"
        let root: XMLElement
        do { root = try MiniXML.parse(xmlText, keepingTextOf: ["ip_address", "asn", "network_cidr"]) } catch {
            n.context.warn(
                path, "configuration XML could not be read (\(error.message)); inside addresses use the N+1/N+2 rule")
            return
        }
        var seen = Set<IPv4Address>()
        for (index, block) in root.all("ipsec_tunnel").enumerated() {
            guard let awsIpText = block.value("vpn_gateway/tunnel_outside_address/ip_address"),
                let awsIp = IPv4Address(awsIpText)
            else {
                n.context.warn(path, "<ipsec_tunnel> #\(index + 1) has no AWS outside address; ignored")
                continue
            }
            guard seen.insert(awsIp).inserted else {
                n.context.warn(
                    path,
                    "<ipsec_tunnel> #\(index + 1) repeats outside IP \(awsIp) (an emulator's fixed template?); read once"
                )
                continue
            }
            var tunnel =
                tunnels[awsIp]
                ?? AWSTunnel(
                    outsideIp: awsIp, hasTunnelOptions: false,
                    source: SourceRef(file: n.context.file, path: path))
            if tunnels[awsIp] == nil, !tunnels.isEmpty, tunnels.values.contains(where: \.hasTunnelOptions) {
                n.context.warn(path, "XML tunnel \(awsIp) does not match any TunnelOptions outside IP")
            }
            tunnel.customerOutsideIp = block.value("customer_gateway/tunnel_outside_address/ip_address").flatMap(
                IPv4Address.init)
            tunnel.awsAsn = block.value("vpn_gateway/bgp/asn").flatMap { Int($0) }
            tunnel.customerAsn = block.value("customer_gateway/bgp/asn").flatMap { Int($0) }
            let awsInside = block.value("vpn_gateway/tunnel_inside_address/ip_address").flatMap(IPv4Address.init)
            let cgwInside = block.value("customer_gateway/tunnel_inside_address/ip_address").flatMap(IPv4Address.init)
            if let awsInside, let cgwInside {
                tunnel.awsInsideIp = awsInside
                tunnel.customerInsideIp = cgwInside
                tunnel.insideAddressSource = .configurationXML
                if tunnel.insideCidr == nil {
                    let bits = block.value("vpn_gateway/tunnel_inside_address/network_cidr").flatMap { Int($0) } ?? 30
                    if (0...32).contains(bits) {
                        tunnel.insideCidr = CIDR(address: awsInside, prefixLength: bits).normalized
                    }
                }
            }
            tunnels[awsIp] = tunnel
        }
    }
}

/// AWS keeps listing deleted resources for a while (state `deleted`); they are not the network.
func rejectDeleted(_ n: Node, key: String = "State") throws(DecodeError) {
    if n.string(key) == "deleted" {
        throw DecodeError(
            path: n.path + ".\(key)",
            message: "state is deleted (AWS lists deleted resources for a while); not part of the network")
    }
}

extension String {
    var trimmingWhitespace: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
