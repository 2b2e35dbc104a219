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

    public init(
        vpcs: Int, accounts: Int = 12, routesPerTable: Int = 10, gcpSubnets: Int = 50, japaneseNames: Bool = false
    ) {
        self.vpcs = vpcs
        self.accounts = max(1, accounts)
        self.routesPerTable = routesPerTable
        self.gcpSubnets = gcpSubnets
        self.japaneseNames = japaneseNames
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
            entry.vpcs.append(
                #"{"VpcId": "\#(id)", "OwnerId": "\#(acct)", "State": "available", "CidrBlock": "\#(vpcCidr(i))", "CidrBlockAssociationSet": [{"AssociationId": "vpc-cidr-assoc-\#(hex(i, 8))", "CidrBlock": "\#(vpcCidr(i))", "CidrBlockState": {"State": "associated"}}], "IsDefault": false, "Tags": [{"Key": "Name", "Value": "\#(name)"}]}"#
            )
            for k in 0..<2 {
                entry.subnets.append(
                    #"{"SubnetId": "subnet-1\#(hex(i * 2 + k, 16))", "VpcId": "\#(id)", "OwnerId": "\#(acct)", "CidrBlock": "\#(subnetCidr(i, k))", "AvailabilityZone": "us-east-1\#(k == 0 ? "a" : "b")", "State": "available"}"#
                )
            }
            var routes = [
                #"{"DestinationCidrBlock": "\#(vpcCidr(i))", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"}"#
            ]
            for r in 0..<routesPerTable {
                routes.append(
                    #"{"DestinationCidrBlock": "10.\#(100 + r % 20).\#(r / 20 % 256).0/24", "TransitGatewayId": "\#(Self.tgw)", "Origin": "CreateRoute", "State": "active"}"#
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
                #"{"DestinationCidrBlock": "\#(vpcCidr(i))", "Type": "propagated", "State": "active", "TransitGatewayAttachments": [{"ResourceId": "\#(id)", "TransitGatewayAttachmentId": "tgw-attach-1\#(hex(i, 16))", "ResourceType": "vpc"}]}"#
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

    private func file(_ name: String, _ text: String) -> InputFile { InputFile(name: name, bytes: Array(text.utf8)) }
}
