import TunnelscopeExample
import TunnelscopeImport

/// Generates large networks in the real export formats: the built-in example plus many AWS
/// accounts, VPCs, subnets, route tables, TGW attachments and routes, and GCP subnets and
/// routes. For benchmarks (`tunnelscope-bench`) and scale tests (a 300-VPC map).
public struct SyntheticNetwork: Sendable {
    public var vpcs: Int
    public var accounts: Int
    public var routesPerTable: Int
    public var gcpSubnets: Int
    /// A Name tag in Japanese on the first VPC (wide characters must not break alignment).
    public var japaneseNames: Bool
    /// A network with the faults of a real one (for `bench`): VPCs that reuse another VPC's range
    /// or a GCP subnet's, blackhole routes, and site-to-site VPN connections to on-prem (one per
    /// 20 VPCs, two tunnels each) with tunnels down.
    public var realistic: Bool
    /// How the generated files are laid out (the example's files are kept as they are).
    public var layout: ExportLayout

    public init(
        vpcs: Int, accounts: Int = 12, routesPerTable: Int = 10, gcpSubnets: Int = 50, japaneseNames: Bool = false,
        realistic: Bool = false, layout: ExportLayout = .compact
    ) {
        self.vpcs = vpcs
        self.accounts = max(1, accounts)
        self.routesPerTable = routesPerTable
        self.gcpSubnets = gcpSubnets
        self.japaneseNames = japaneseNames
        self.realistic = realistic
        self.layout = layout
    }

    /// The range a VPC uses: its own, or in a realistic network every fifth VPC reuses the previous
    /// one's and every seventh a GCP subnet's.
    func effectiveVpcCidr(_ i: Int) -> String {
        guard realistic else { return vpcCidr(i) }
        if i % 5 == 1 { return vpcCidr(i - 1) }
        if i % 7 == 3, gcpSubnets > 0 { return "10.\(112 + (i % gcpSubnets) / 256).\((i % gcpSubnets) % 256).0/24" }
        return vpcCidr(i)
    }

    static let tgw = "tgw-0a1b2c3d4e5f60718"

    func account(_ i: Int) -> String { String(format6(i % accounts)) }
    private func format6(_ n: Int) -> String { "5\(String(repeating: "0", count: 11 - String(n).count))\(n)" }
    func vpcId(_ i: Int) -> String { "vpc-1\(hex(i, 16))" }
    func hex(_ n: Int, _ width: Int) -> String {
        let h = String(n, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }
    /// 10.(64 + i/256).(i%256).0/24-sized VPCs would collide with the example; use 100.64.0.0/10 space.
    func vpcCidr(_ i: Int) -> String { "100.\(64 + i / 256).\(i % 256).0/24" }
    func subnetCidr(_ i: Int, _ k: Int) -> String { "100.\(64 + i / 256).\(i % 256).\(k * 128)/25" }

    /// The example's files plus the generated ones (one file per account and command).
    public func files() -> [InputFile] {
        var files = ExampleNetwork.files
        var byAccount: [String: (vpcs: [String], subnets: [String], tables: [String])] = [:]
        var attachments: [String] = []
        var tgwRoutes: [String] = []
        for i in 0..<vpcs {
            let acct = account(i)
            let id = vpcId(i)
            let name =
                japaneseNames && i == 0
                ? "本番ネットワーク東京リージョン決済基盤"
                : "svc-\(i)-\(["orders", "billing", "search", "media", "auth", "ledger"][i % 6])"
            var entry = byAccount[acct] ?? ([], [], [])
            let cidr = effectiveVpcCidr(i)
            entry.vpcs.append(
                #"{"VpcId": "\#(id)", "OwnerId": "\#(acct)", "State": "available", "CidrBlock": "\#(cidr)", "CidrBlockAssociationSet": [{"AssociationId": "vpc-cidr-assoc-\#(hex(i, 8))", "CidrBlock": "\#(cidr)", "CidrBlockState": {"State": "associated"}}], "IsDefault": false, "Tags": [{"Key": "Name", "Value": "\#(name)"}]}"#
            )
            for k in 0..<2 {
                entry.subnets.append(
                    #"{"SubnetId": "subnet-1\#(hex(i * 2 + k, 16))", "VpcId": "\#(id)", "OwnerId": "\#(acct)", "CidrBlock": "\#(subnetCidr(i, k))", "AvailabilityZone": "us-east-1\#(k == 0 ? "a" : "b")", "State": "available"}"#
                )
            }
            var routes = [
                #"{"DestinationCidrBlock": "\#(cidr)", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"}"#
            ]
            for r in 0..<routesPerTable {
                let state = realistic && i % 3 == 0 && r == 0 ? "blackhole" : "active"
                routes.append(
                    #"{"DestinationCidrBlock": "10.\#(100 + r % 20).\#(r / 20 % 256).0/24", "TransitGatewayId": "\#(Self.tgw)", "Origin": "CreateRoute", "State": "\#(state)"}"#
                )
            }
            entry.tables.append(
                #"{"RouteTableId": "rtb-1\#(hex(i, 16))", "VpcId": "\#(id)", "OwnerId": "\#(acct)", "Associations": [{"Main": true, "RouteTableAssociationId": "rtbassoc-1\#(hex(i, 16))", "RouteTableId": "rtb-1\#(hex(i, 16))"}], "Routes": [\#(routes.joined(separator: ","))]}"#
            )
            byAccount[acct] = entry
            attachments.append(
                #"{"TransitGatewayAttachmentId": "tgw-attach-1\#(hex(i, 16))", "TransitGatewayId": "\#(Self.tgw)", "TransitGatewayOwnerId": "111122223333", "ResourceOwnerId": "\#(acct)", "ResourceType": "vpc", "ResourceId": "\#(id)", "State": "available", "Association": {"TransitGatewayRouteTableId": "tgw-rtb-0f1e2d3c4b5a69788", "State": "associated"}}"#
            )
            tgwRoutes.append(
                #"{"DestinationCidrBlock": "\#(cidr)", "Type": "propagated", "State": "active", "TransitGatewayAttachments": [{"ResourceId": "\#(id)", "TransitGatewayAttachmentId": "tgw-attach-1\#(hex(i, 16))", "ResourceType": "vpc"}]}"#
            )
        }
        for (acct, entry) in byAccount.sorted(by: { $0.key < $1.key }) {
            files.append(
                file(
                    "synthetic/aws-\(acct)/describe-vpcs.json", #"{"Vpcs": [\#(entry.vpcs.joined(separator: ",\n"))]}"#)
            )
            files.append(
                file(
                    "synthetic/aws-\(acct)/describe-subnets.json",
                    #"{"Subnets": [\#(entry.subnets.joined(separator: ",\n"))]}"#))
            files.append(
                file(
                    "synthetic/aws-\(acct)/describe-route-tables.json",
                    #"{"RouteTables": [\#(entry.tables.joined(separator: ",\n"))]}"#))
        }
        files.append(
            file(
                "synthetic/aws-111122223333/describe-transit-gateway-attachments.json",
                #"{"TransitGatewayAttachments": [\#(attachments.joined(separator: ",\n"))]}"#))
        files.append(
            file(
                "synthetic/aws-111122223333/search-transit-gateway-routes-tgw-rtb-0f1e2d3c4b5a69788.json",
                #"{"Routes": [\#(tgwRoutes.joined(separator: ",\n"))], "AdditionalRoutesAvailable": false}"#))
        if realistic { files += vpnFiles() }
        var subnets: [String] = []
        for s in 0..<gcpSubnets {
            let region = ["us-east4", "us-central1", "europe-west3", "asia-northeast1"][s % 4]
            subnets.append(
                #"{"kind": "compute#subnetwork", "name": "svc-subnet-\#(s)", "network": "https://www.googleapis.com/compute/v1/projects/net-host-prj/global/networks/hub-vpc", "region": "https://www.googleapis.com/compute/v1/projects/net-host-prj/regions/\#(region)", "ipCidrRange": "10.\#(112 + s / 256).\#(s % 256).0/24", "selfLink": "https://www.googleapis.com/compute/v1/projects/net-host-prj/regions/\#(region)/subnetworks/svc-subnet-\#(s)"}"#
            )
        }
        files.append(file("synthetic/gcp-net-host-prj/subnets-list.json", "[\(subnets.joined(separator: ",\n"))]"))
        return files
    }

    /// Site-to-site VPN connections from the TGW to on-prem customer gateways (one per 20 VPCs),
    /// two tunnels each: every third connection has one tunnel down, every seventh both.
    func vpnFiles() -> [InputFile] {
        var gateways: [String] = []
        var connections: [String] = []
        for c in 0..<max(1, vpcs / 20) {
            let cgw = "cgw-1\(hex(c, 16))"
            let ip = "198.18.\(c / 250 % 256).\(c % 250 + 1)"
            gateways.append(
                #"{"CustomerGatewayId": "\#(cgw)", "State": "available", "Type": "ipsec.1", "IpAddress": "\#(ip)", "BgpAsn": "\#(64_600 + c % 300)", "Tags": [{"Key": "Name", "Value": "branch-\#(c)"}]}"#
            )
            var tunnels: [String] = []
            var telemetry: [String] = []
            for k in 0..<2 {
                let t = c * 2 + k
                let outside = "52.\(200 + t / 65_536 % 50).\(t / 256 % 256).\(t % 256)"
                let base = t * 4
                let inside = "169.254.\(100 + base / 256 % 150).\(base % 256)/30"
                let down = (c % 7 == 0) || (c % 3 == 0 && k == 1)
                tunnels.append(#"{"OutsideIpAddress": "\#(outside)", "TunnelInsideCidr": "\#(inside)"}"#)
                telemetry.append(
                    #"{"AcceptedRouteCount": \#(down ? 0 : 1), "LastStatusChange": "2025-03-09T22:47:13.000Z", "OutsideIpAddress": "\#(outside)", "Status": "\#(down ? "DOWN" : "UP")", "StatusMessage": "\#(down ? "" : "1 BGP ROUTES")"}"#
                )
            }
            connections.append(
                #"{"Category": "VPN", "TransitGatewayId": "\#(Self.tgw)", "Options": {"StaticRoutesOnly": false, "TunnelOptions": [\#(tunnels.joined(separator: ", "))]}, "Routes": [], "Tags": [{"Key": "Name", "Value": "to-branch-\#(c)"}], "VgwTelemetry": [\#(telemetry.joined(separator: ", "))], "VpnConnectionId": "vpn-1\#(hex(c, 16))", "State": "available", "Type": "ipsec.1", "CustomerGatewayId": "\#(cgw)"}"#
            )
        }
        return [
            file(
                "synthetic/aws-111122223333/describe-customer-gateways.json",
                #"{"CustomerGateways": [\#(gateways.joined(separator: ",\n"))]}"#),
            file(
                "synthetic/aws-111122223333/describe-vpn-connections.json",
                #"{"VpnConnections": [\#(connections.joined(separator: ",\n"))]}"#),
        ]
    }

    private func file(_ name: String, _ text: String) -> InputFile {
        switch layout {
        case .compact: return InputFile(name: name, bytes: Array(text.utf8))
        case .cli:
            // gcloud indents by 2, the AWS CLI by 4.
            let indent = name.contains("/gcp-") ? 2 : 4
            return InputFile(name: name, bytes: CLIFormatting.indented(Array(text.utf8), indent: indent))
        }
    }
}
