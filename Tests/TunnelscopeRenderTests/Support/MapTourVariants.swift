import Foundation
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeSynthetic

/// Networks other than the built-in example, made from its files with some edited (JSON in,
/// JSON out) or added: a second hub (a VGW), a second Transit Gateway, the GCP link on a VGW.
enum MapTourVariants {
    static let account = "aws-111122223333"
    static let tgw = "tgw-0a1b2c3d4e5f60718"
    static let vgw = "vgw-0feed1234567890ab"
    static let secondTGW = "tgw-0bb22bb22bb22bb22"
    static let dataVpc = "vpc-0b22bb22bb22bb220"
    static let appVpc = "vpc-0a11aa11aa11aa110"
    static let sharedServicesVpc = "vpc-0c33cc33cc33cc330"
    static let osakaConnection = "vpn-0cc33dd44ee55ff66"
    static let gcpConnections = ["vpn-0aa11bb22cc33dd44", "vpn-0bb22cc33dd44ee55"]
    static let haGateway = "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws"

    typealias Edit = (inout [String: Any]) -> Void

    /// `Tests/Fixtures/networks/healthy` (a second network, written on main), when it is in the tree.
    static let healthyPath: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/networks/healthy").path
    static var hasHealthy: Bool { FileManager.default.fileExists(atPath: healthyPath) }
    static func healthy() -> LoadResult { Importer.load(paths: [healthyPath]) }

    /// `files` with the files whose name ends in a key edited, plus `added` (name, JSON text).
    static func load(
        _ files: [InputFile] = ExampleNetwork.files, editing edits: [String: Edit] = [:],
        adding added: [(String, String)] = [], origin: String = "variant"
    ) -> LoadResult {
        var result: [InputFile] = []
        for file in files {
            guard let edit = edits.first(where: { file.name.hasSuffix($0.key) })?.value else {
                result.append(file)
                continue
            }
            var object = try! JSONSerialization.jsonObject(with: Data(file.bytes)) as! [String: Any]
            edit(&object)
            result.append(
                InputFile(name: file.name, bytes: [UInt8](try! JSONSerialization.data(withJSONObject: object))))
        }
        for (name, text) in added { result.append(InputFile(name: name, bytes: Array(text.utf8))) }
        return Importer.load(files: result, origin: origin)
    }

    /// Removes the TGW attachments of these resources (from both attachment listings).
    static func detach(_ resources: Set<String>) -> [String: Edit] {
        [
            "describe-transit-gateway-attachments.json": { root in
                root["TransitGatewayAttachments"] = (root["TransitGatewayAttachments"] as! [[String: Any]])
                    .filter { !resources.contains($0["ResourceId"] as? String ?? "") }
            },
            "describe-transit-gateway-vpc-attachments.json": { root in
                root["TransitGatewayVpcAttachments"] = (root["TransitGatewayVpcAttachments"] as! [[String: Any]])
                    .filter { !resources.contains($0["VpcId"] as? String ?? "") }
            },
        ]
    }

    /// Moves these VPN connections from the TGW to `gateway`.
    static func moveConnections(_ ids: Set<String>, to gateway: String) -> Edit {
        { root in
            root["VpnConnections"] = (root["VpnConnections"] as! [[String: Any]]).map { c in
                guard ids.contains(c["VpnConnectionId"] as? String ?? "") else { return c }
                var c = c
                c.removeValue(forKey: "TransitGatewayId")
                c["VpnGatewayId"] = gateway
                return c
            }
        }
    }

    static func vpnGateway(attachedTo vpcs: [String], name: String = "legacy-vgw", asn: Int = 64520) -> (String, String)
    {
        let attachments = vpcs.map { #"{"State": "attached", "VpcId": "\#($0)"}"# }.joined(separator: ", ")
        return (
            "variant/\(account)/describe-vpn-gateways.json",
            #"{"VpnGateways": [{"State": "available", "Type": "ipsec.1", "VpnGatewayId": "\#(vgw)", "AmazonSideAsn": \#(asn), "VpcAttachments": [\#(attachments)], "Tags": [{"Key": "Name", "Value": "\#(name)"}]}]}"#
        )
    }

    /// Two hubs: the TGW, and a VGW that data-vpc is attached to (instead of the TGW) and that
    /// Osaka's site-to-site VPN ends on. The VPN to GCP stays on the TGW.
    static func tgwAndVGW() -> LoadResult {
        var edits = detach([dataVpc, osakaConnection])
        edits["describe-vpn-connections.json"] = moveConnections([osakaConnection], to: vgw)
        return load(editing: edits, adding: [vpnGateway(attachedTo: [dataVpc])], origin: "TGW and VGW")
    }

    /// The VPN to GCP on a VGW attached to data-vpc (which leaves the TGW); Osaka stays on the TGW.
    static func gcpLinkOnVGW() -> LoadResult {
        var edits = detach(Set([dataVpc] + gcpConnections))
        edits["describe-vpn-connections.json"] = moveConnections(Set(gcpConnections), to: vgw)
        return load(editing: edits, adding: [vpnGateway(attachedTo: [dataVpc])], origin: "GCP link on a VGW")
    }

    /// A second Transit Gateway with shared-services attached to it instead of the first.
    static func twoTGWs() -> LoadResult {
        var edits = detach([sharedServicesVpc])
        edits["describe-transit-gateways.json"] = { root in
            var gateways = root["TransitGateways"] as! [[String: Any]]
            gateways.append([
                "TransitGatewayId": secondTGW, "State": "available", "OwnerId": "111122223333",
                "Options": ["AmazonSideAsn": 64514, "VpnEcmpSupport": "enable"],
                "Tags": [["Key": "Name", "Value": "spoke-tgw"]],
            ])
            root["TransitGateways"] = gateways
        }
        let attachment =
            #"{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-0bb0bb0bb0bb0bb01", "TransitGatewayId": "\#(secondTGW)", "ResourceOwnerId": "111122223333", "ResourceType": "vpc", "ResourceId": "\#(sharedServicesVpc)", "State": "available"}]}"#
        return load(
            editing: edits,
            adding: [("variant/\(account)/describe-transit-gateway-attachments-spoke.json", attachment)],
            origin: "two TGWs")
    }

    /// The tunnel that is down in the example (52.1.20.22) up at IPsec level on both sides; its
    /// BGP session still down on Cloud Router (`bgpUp: false`) or up too.
    static func downTunnelRepaired(bgpUp: Bool) -> LoadResult {
        var edits: [String: Edit] = [
            "describe-vpn-connections.json": { root in
                root["VpnConnections"] = (root["VpnConnections"] as! [[String: Any]]).map { c in
                    var c = c
                    c["VgwTelemetry"] = (c["VgwTelemetry"] as? [[String: Any]] ?? []).map { t in
                        guard t["OutsideIpAddress"] as? String == "52.1.20.22" else { return t }
                        var t = t
                        t["Status"] = "UP"
                        t["AcceptedRouteCount"] = bgpUp ? 4 : 0
                        return t
                    }
                    return c
                }
            }
        ]
        if bgpUp {
            edits["routers-get-status-cr-aws.json"] = { root in
                var result = root["result"] as! [String: Any]
                result["bgpPeerStatus"] = (result["bgpPeerStatus"] as! [[String: Any]]).map { p in
                    var p = p
                    p["status"] = "UP"
                    p["state"] = "Established"
                    return p
                }
                root["result"] = result
            }
        }
        return load(editing: edits, origin: bgpUp ? "all up" : "BGP down only")
    }

    /// A synthetic network where `onVGW` of the generated VPCs hang off a VGW instead of the TGW.
    static func syntheticTwoHubs(vpcs: Int, onVGW: Int) -> (result: LoadResult, vgwVpcs: Set<String>) {
        let synthetic = SyntheticNetwork(vpcs: vpcs, accounts: 2, routesPerTable: 1, gcpSubnets: 2)
        let moved = (0..<onVGW).map {
            "vpc-1" + String(repeating: "0", count: 16 - String($0, radix: 16).count) + String($0, radix: 16)
        }
        let edits: [String: Edit] = [
            "synthetic/\(account)/describe-transit-gateway-attachments.json": { root in
                root["TransitGatewayAttachments"] = (root["TransitGatewayAttachments"] as! [[String: Any]])
                    .filter { !moved.contains($0["ResourceId"] as? String ?? "") }
            }
        ]
        return (
            load(
                synthetic.files(), editing: edits, adding: [vpnGateway(attachedTo: moved)],
                origin: "synthetic, two hubs"), Set(moved)
        )
    }
}
