import Foundation
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// The built-in example and variants of it, edited in memory: the healthy network (every planted
/// fault fixed) and minimal broken inputs made from it.
public enum Variants {
    /// File-name suffix → edit (nil removes the file).
    public typealias Edits = [(suffix: String, edit: (String) -> String?)]

    public static func load(_ edits: Edits, extraFiles: [String: String] = [:]) -> LoadResult {
        Importer.load(files: files(edits, extraFiles: extraFiles), origin: "variant")
    }

    /// The edited files, to load in memory or to write to disk for the binary.
    public static func files(_ edits: Edits, extraFiles: [String: String] = [:]) -> [InputFile] {
        var files = ExampleNetwork.files
        for (suffix, edit) in edits {
            guard let i = files.firstIndex(where: { $0.name.hasSuffix(suffix) }) else {
                preconditionFailure("no example file ends in \(suffix)")
            }
            if let text = edit(String(decoding: files[i].bytes, as: UTF8.self)) {
                files[i] = InputFile(name: files[i].name, bytes: Array(text.utf8))
            } else {
                files.remove(at: i)
            }
        }
        for (name, text) in extraFiles.sorted(by: { $0.key < $1.key }) {
            files.append(InputFile(name: name, bytes: Array(text.utf8)))
        }
        return files
    }

    public static func model(_ edits: Edits, extraFiles: [String: String] = [:]) -> NetworkModel {
        load(edits, extraFiles: extraFiles).model
    }

    public static let example: NetworkModel = ExampleNetwork.load().model

    /// The example with its planted faults fixed:
    /// - tunnel A2 52.1.20.22 UP on AWS (4 routes) and its BGP peer UP, with best routes over it;
    /// - the auto-mode `default` network (and its subnets and routes) deleted from the host project;
    /// - Memorystore moved to 10.100.48.0/29 (outside every AWS/on-prem range), advertised by cr-aws
    ///   (custom mode, ALL_SUBNETS + the range), the peering exporting custom routes, the TGW learning it;
    /// - the blackhole route 10.99.0.0/16 removed from app-vpc's route table.
    public static var healthyEdits: Edits {
        [
            (
                "aws-111122223333/describe-vpn-connections.json",
                { text in
                    JSONEdit.edit(text) { value in
                        guard var root = value as? [String: Any],
                            var connections = root["VpnConnections"] as? [[String: Any]]
                        else { return }
                        for i in connections.indices {
                            guard var telemetry = connections[i]["VgwTelemetry"] as? [[String: Any]] else { continue }
                            for j in telemetry.indices where telemetry[j]["OutsideIpAddress"] as? String == "52.1.20.22"
                            {
                                telemetry[j]["Status"] = "UP"
                                telemetry[j]["AcceptedRouteCount"] = 5
                                telemetry[j]["StatusMessage"] = "5 BGP ROUTES"
                            }
                            connections[i]["VgwTelemetry"] = telemetry
                        }
                        root["VpnConnections"] = connections
                        value = root
                    }
                }
            ),
            (
                "aws-111122223333/describe-route-tables.json",
                { text in
                    JSONEdit.updating(
                        text, key: "RouteTables", where: { $0["RouteTableId"] as? String == "rtb-0a7c3e9f1b5d2a468" }
                    ) { table in
                        table["Routes"] = (table["Routes"] as! [[String: Any]]).filter {
                            $0["DestinationCidrBlock"] as? String != "10.99.0.0/16"
                        }
                    }
                }
            ),
            (
                "aws-111122223333/search-transit-gateway-routes.json",
                { text in
                    JSONEdit.appending(
                        text, key: "Routes",
                        [
                            [
                                "DestinationCidrBlock": "10.100.48.0/29", "Type": "propagated", "State": "active",
                                "TransitGatewayAttachments": [
                                    [
                                        "ResourceId": "vpn-0aa11bb22cc33dd44",
                                        "TransitGatewayAttachmentId": "tgw-attach-0ee11ff22aa33bb44",
                                        "ResourceType": "vpn",
                                    ],
                                    [
                                        "ResourceId": "vpn-0bb22cc33dd44ee55",
                                        "TransitGatewayAttachmentId": "tgw-attach-0ff22aa33bb44cc55",
                                        "ResourceType": "vpn",
                                    ],
                                ],
                            ]
                        ])
                }
            ),
            (
                "gcp-net-host-prj/routers-get-status-cr-aws.json",
                { text in
                    JSONEdit.edit(text) { value in
                        guard var root = value as? [String: Any], var result = root["result"] as? [String: Any],
                            var peers = result["bgpPeerStatus"] as? [[String: Any]],
                            var best = result["bestRoutes"] as? [[String: Any]]
                        else { return }
                        let template = peers.first { $0["name"] as? String == "peer-aws-tunnel-0" }!
                        for i in peers.indices {
                            let local = peers[i]["ipAddress"] as! String
                            var advertised = (template["advertisedRoutes"] as! [[String: Any]]).map {
                                route -> [String: Any] in
                                var r = route
                                r["nextHopIp"] = local
                                return r
                            }
                            advertised.append([
                                "destRange": "10.100.48.0/29", "kind": "compute#route", "nextHopIp": local,
                                "priority": 100,
                                "network":
                                    "https://www.googleapis.com/compute/v1/projects/net-host-prj/global/networks/hub-vpc",
                            ])
                            peers[i]["advertisedRoutes"] = advertised
                            if peers[i]["name"] as? String == "peer-aws-tunnel-1" {
                                peers[i]["status"] = "UP"
                                peers[i]["state"] = "Established"
                                peers[i]["numLearnedRoutes"] = 5
                                peers[i]["uptime"] = "1 hours"
                                peers[i]["uptimeSeconds"] = "3600"
                            }
                        }
                        var extra: [[String: Any]] = []
                        for route in best where route["nextHopIp"] as? String == "169.254.10.1" {
                            var r = route
                            r["nextHopIp"] = "169.254.10.5"
                            extra.append(r)
                        }
                        best += extra
                        result["bgpPeerStatus"] = peers
                        result["bestRoutes"] = best
                        root["result"] = result
                        value = root
                    }
                }
            ),
            (
                "gcp-net-host-prj/routers-list.json",
                { text in
                    JSONEdit.updating(text, where: { $0["name"] as? String == "cr-aws" }) { router in
                        var bgp = router["bgp"] as! [String: Any]
                        bgp["advertiseMode"] = "CUSTOM"
                        bgp["advertisedGroups"] = ["ALL_SUBNETS"]
                        bgp["advertisedIpRanges"] = [["range": "10.100.48.0/29", "description": "orders-cache"]]
                        router["bgp"] = bgp
                    }
                }
            ),
            (
                "gcp-net-host-prj/networks-list.json",
                { text in
                    let noDefault = JSONEdit.removing(text) { $0["name"] as? String == "default" }
                    return JSONEdit.updating(noDefault, where: { $0["name"] as? String == "hub-vpc" }) { network in
                        var peerings = network["peerings"] as! [[String: Any]]
                        peerings[0]["exportCustomRoutes"] = true
                        network["peerings"] = peerings
                    }
                }
            ),
            (
                "gcp-net-host-prj/subnets-list.json",
                { text in
                    JSONEdit.removing(text) { ($0["network"] as? String)?.hasSuffix("/networks/default") == true }
                }
            ),
            (
                "gcp-net-host-prj/routes-list.json",
                { text in
                    let noDefault = JSONEdit.removing(text) {
                        ($0["network"] as? String)?.hasSuffix("/networks/default") == true
                    }
                    return JSONEdit.updating(noDefault, where: { $0["nextHopPeering"] != nil }) {
                        $0["destRange"] = "10.100.48.0/29"
                    }
                }
            ),
            (
                "gcp-svc-prj-a/redis-instances-list.json",
                { text in
                    JSONEdit.updating(text, where: { _ in true }) { redis in
                        redis["reservedIpRange"] = "10.100.48.0/29"
                        redis["host"] = "10.100.48.3"
                    }
                }
            ),
        ]
    }

    public static let healthy: NetworkModel = model(healthyEdits)

    /// The healthy network with more edits applied on top.
    public static func healthy(_ more: Edits, extraFiles: [String: String] = [:]) -> NetworkModel {
        model(healthyEdits + more, extraFiles: extraFiles)
    }

    // File suffixes used by the tests.
    /// Tunnel 3.220.30.33 with a dead BGP session: Cloud Router says Idle with nothing learned, AWS
    /// reports the tunnel UP with 0 routes accepted.
    public static var deadSessionOnTunnelB1: Edits {
        [
            (
                vpnConnections,
                editTelemetry("3.220.30.33") {
                    $0["AcceptedRouteCount"] = 0
                    $0["StatusMessage"] = "0 BGP ROUTES"
                }
            ),
            (
                routerStatus,
                editPeerStatus("peer-aws-tunnel-2") {
                    $0["status"] = "DOWN"
                    $0["state"] = "Idle"
                    $0["numLearnedRoutes"] = 0
                }
            ),
        ]
    }

    public static let vpnConnections = "aws-111122223333/describe-vpn-connections.json"
    public static let customerGateways = "aws-111122223333/describe-customer-gateways.json"
    public static let routeTables = "aws-111122223333/describe-route-tables.json"
    public static let dataRouteTables = "aws-444455556666/describe-route-tables.json"
    public static let tgwRoutes = "aws-111122223333/search-transit-gateway-routes.json"
    public static let transitGateways = "aws-111122223333/describe-transit-gateways.json"
    public static let attachments = "aws-111122223333/describe-transit-gateway-attachments.json"
    public static let vpcAttachments = "aws-111122223333/describe-transit-gateway-vpc-attachments.json"
    public static let propagations = "aws-111122223333/get-transit-gateway-route-table-propagations.json"
    public static let gcpTunnels = "gcp-net-host-prj/vpn-tunnels-list.json"
    public static let routers = "gcp-net-host-prj/routers-list.json"
    public static let routerStatus = "gcp-net-host-prj/routers-get-status-cr-aws.json"
    public static let externalGateways = "gcp-net-host-prj/external-vpn-gateways-list.json"
    public static let haGateways = "gcp-net-host-prj/vpn-gateways-list.json"
    public static let networks = "gcp-net-host-prj/networks-list.json"
    public static let subnets = "gcp-net-host-prj/subnets-list.json"
    public static let gcpRoutes = "gcp-net-host-prj/routes-list.json"
    public static let annotations = "annotations.json"
}

extension NetworkModel {
    public var analysis: Analysis { Analysis(model: self) }
}

extension Analysis {
    public func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
    public var serious: [Finding] { findings.filter { $0.severity != .info } }
}

/// `{"VpnConnections": [...]}` → the same with one connection's fields changed (by ID).
public func editConnection(_ id: String, _ change: @escaping (inout [String: Any]) -> Void) -> (String) -> String? {
    { JSONEdit.updating($0, key: "VpnConnections", where: { $0["VpnConnectionId"] as? String == id }, change) }
}

/// Changes one VgwTelemetry entry (by outside IP) of whichever connection holds it.
public func editTelemetry(_ ip: String, _ change: @escaping (inout [String: Any]) -> Void) -> (String) -> String? {
    { text in
        JSONEdit.updating(text, key: "VpnConnections", where: { _ in true }) { connection in
            guard var telemetry = connection["VgwTelemetry"] as? [[String: Any]] else { return }
            for i in telemetry.indices where telemetry[i]["OutsideIpAddress"] as? String == ip { change(&telemetry[i]) }
            connection["VgwTelemetry"] = telemetry
        }
    }
}

public func editGCPTunnel(_ name: String, _ change: @escaping (inout [String: Any]) -> Void) -> (String) -> String? {
    { JSONEdit.updating($0, where: { $0["name"] as? String == name }, change) }
}

/// Changes one BGP peer (by name) in `routers list`.
public func editRouterPeer(_ name: String, _ change: @escaping (inout [String: Any]) -> Void) -> (String) -> String? {
    { text in
        JSONEdit.updating(text, where: { _ in true }) { router in
            guard var peers = router["bgpPeers"] as? [[String: Any]] else { return }
            for i in peers.indices where peers[i]["name"] as? String == name { change(&peers[i]) }
            router["bgpPeers"] = peers
        }
    }
}

/// Changes one peer status (by name) in `routers get-status`.
public func editPeerStatus(_ name: String, _ change: @escaping (inout [String: Any]) -> Void) -> (String) -> String? {
    { text in
        JSONEdit.edit(text) { value in
            guard var root = value as? [String: Any], var result = root["result"] as? [String: Any],
                var peers = result["bgpPeerStatus"] as? [[String: Any]]
            else { return }
            for i in peers.indices where peers[i]["name"] as? String == name { change(&peers[i]) }
            result["bgpPeerStatus"] = peers
            root["result"] = result
            value = root
        }
    }
}
