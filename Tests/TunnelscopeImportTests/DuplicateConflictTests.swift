import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeModel

@testable import TunnelscopeImport

/// No silent mixing: a resource found twice with different contents is listed with the fields
/// that differ, both values and both places; identical copies stay quiet; enough conflicts are
/// called two snapshots of one network.
@Suite struct DuplicateConflictTests {
    static let vpnFile = "aws-111122223333/describe-vpn-connections.json"
    static let routeTablesFile = "aws-111122223333/describe-route-tables.json"
    static let movedId = "vpn-0bb22cc33dd44ee55"
    static let vgw = "vgw-0abc1234567890def"

    /// The example's files under `prefix/`, with the files ending in a key rewritten.
    static func snapshot(_ prefix: String, editing edits: [String: (String) -> String] = [:]) -> [InputFile] {
        ExampleNetwork.files.map { file in
            var text = String(decoding: file.bytes, as: UTF8.self)
            for (suffix, edit) in edits where file.name.hasSuffix(suffix) { text = edit(text) }
            return InputFile(name: "\(prefix)/\(file.name)", bytes: Array(text.utf8))
        }
    }

    /// The VPN connection on a virtual private gateway instead of the Transit Gateway, as before
    /// the migration.
    static func onVGW(_ text: String) -> String {
        JSONEdit.updating(text, key: "VpnConnections", where: { $0["VpnConnectionId"] as? String == movedId }) {
            $0.removeValue(forKey: "TransitGatewayId")
            $0["VpnGatewayId"] = vgw
        }
    }

    static func propagatingVGW(_ text: String) -> String {
        var first = true
        return JSONEdit.updating(
            text, key: "RouteTables",
            where: { _ in
                defer { first = false }
                return first
            }
        ) { $0["PropagatingVgws"] = [["GatewayId": vgw]] }
    }

    static func load(_ files: [InputFile]) -> LoadResult { Importer.load(files: files, origin: "test") }

    @Test func identicalCopiesStayQuiet() {
        let result = Self.load(Self.snapshot("a") + Self.snapshot("b"))
        let single = Self.load(Self.snapshot("a"))
        #expect(result.report.duplicates >= single.report.resourcesLoaded - 20)
        #expect(result.report.conflicts == 0, "\(result.report.conflictList)")
        #expect(result.report.conflictList.isEmpty)
        #expect(result.report.mixedSnapshots == nil)
        #expect(result.report.reconciles)
    }

    @Test func aMovedConnectionIsListedWithBothValuesAndPlaces() throws {
        let before = Self.snapshot("before", editing: [Self.vpnFile: Self.onVGW])
        let after = Self.snapshot("after")
        // "after" comes first in path order: its copy is kept, whatever order the files are given in.
        let result = Importer.load(files: after + before, origin: "test")
        let conflict = try #require(result.report.conflictList.first { $0.id == Self.movedId })
        #expect(result.report.conflictList.count == 1)
        #expect(conflict.kind == "aws:VpnConnection")
        #expect(conflict.kept == .init(file: "after/example/\(Self.vpnFile)", path: "$.VpnConnections[1]"))
        #expect(conflict.dropped == .init(file: "before/example/\(Self.vpnFile)", path: "$.VpnConnections[1]"))
        let fields = Dictionary(uniqueKeysWithValues: conflict.fields.map { ($0.name, $0) })
        #expect(fields.keys.sorted() == ["transitGatewayId", "vpnGatewayId"], "\(conflict.fields)")
        #expect(fields["transitGatewayId"]?.kept == "\"tgw-0a1b2c3d4e5f60718\"")
        #expect(fields["transitGatewayId"]?.dropped == "none")
        #expect(fields["vpnGatewayId"]?.kept == "none")
        #expect(fields["vpnGatewayId"]?.dropped == "\"\(Self.vgw)\"")
        let text = conflict.description
        for part in [
            "VpnConnection", Self.movedId, "after/example/\(Self.vpnFile)", "before/example/\(Self.vpnFile)", Self.vgw,
        ] {
            #expect(text.contains(part), "\(part) missing from: \(text)")
        }
        // The copy kept is the model's.
        #expect(result.model.vpnConnection(Self.movedId)?.transitGatewayId == "tgw-0a1b2c3d4e5f60718")
        #expect(result.report.reconciles)
        // One conflict alone is not called two snapshots.
        #expect(result.report.mixedSnapshots == nil)
    }

    @Test func theSameCopyWinsWhicheverFileIsReadFirst() {
        let before = Self.snapshot("before", editing: [Self.vpnFile: Self.onVGW])
        let after = Self.snapshot("after")
        let serial = Importer.load(files: after + before, origin: "t", report: LoadReport(), parallel: false)
        let parallel = Importer.load(files: after + before, origin: "t", report: LoadReport(), parallel: true)
        #expect(serial.report.conflictList == parallel.report.conflictList)
        #expect(serial.report.conflictList.count == 1)
    }

    @Test func twoKindsDifferingAreCalledTwoSnapshots() throws {
        let before = Self.snapshot(
            "x/before", editing: [Self.vpnFile: Self.onVGW, Self.routeTablesFile: Self.propagatingVGW])
        let result = Self.load(Self.snapshot("x/after") + before)
        let mixed = try #require(result.report.mixedSnapshots)
        #expect(mixed.resources == 2)
        #expect(mixed.kinds == ["RouteTable", "VpnConnection"])
        #expect(mixed.keptFrom == "x/after" && mixed.droppedFrom == "x/before")
        #expect(mixed.line.contains("two snapshots") && mixed.line.contains("tunnelscope diff BEFORE AFTER"))
        #expect(mixed.line.contains("x/after") && mixed.line.contains("x/before"))
        let table = try #require(result.report.conflictList.first { $0.kind == "aws:RouteTable" })
        #expect(table.fields.map(\.name) == ["propagatingVgwIds"])
        #expect(table.fields.first?.dropped == "[\"\(Self.vgw)\"]")
    }

    /// A later file whose copies of two kinds both differ lists its conflicts kind by kind, the
    /// same in every load (not in the order of a dictionary of kinds).
    @Test func conflictsOfSeveralKindsInOneFileAreListedInAFixedOrder() {
        func file(_ state: String) -> String {
            #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "State": "\#(state)"}], "Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "State": "\#(state)"}], "CustomerGateways": [{"CustomerGatewayId": "cgw-1", "BgpAsn": "65000", "IpAddress": "198.51.100.1", "Type": "ipsec.1", "State": "\#(state)"}]}"#
        }
        let files = ["a/one.json": file("available"), "b/two.json": file("pending")]
        let first = Fixtures.load(files).report.conflictList
        #expect(first.map(\.kind) == ["aws:CustomerGateway", "aws:Subnet", "aws:Vpc"])
        for _ in 0..<20 { #expect(Fixtures.load(files).report.conflictList == first) }
    }

    @Test func threeOfOneKindAreCalledTwoSnapshots() {
        let before = Self.snapshot(
            "before",
            editing: [
                Self.vpnFile: { text in
                    JSONEdit.updating(text, key: "VpnConnections", where: { _ in true }) { $0["State"] = "pending" }
                }
            ])
        let result = Self.load(Self.snapshot("after") + before)
        #expect(result.report.conflicts == 3)
        #expect(Set(result.report.conflictList.map(\.kind)) == ["aws:VpnConnection"])
        #expect(result.report.mixedSnapshots?.resources == 3)
        #expect(result.report.conflictList.allSatisfy { $0.fields.map(\.name) == ["state"] })
    }

    /// Two snapshots of one TGW route table: a route to the same destination that differs is a
    /// conflict (the first kept), not a second route to it.
    @Test func aRouteThatChangedBetweenSnapshotsIsAConflict() throws {
        let searchFile = "aws-111122223333/search-transit-gateway-routes.json"
        var destination = ""
        let before = Self.snapshot(
            "before",
            editing: [
                searchFile: { text in
                    var first = true
                    return JSONEdit.updating(
                        text, key: "Routes",
                        where: { _ in
                            defer { first = false }
                            return first
                        }
                    ) {
                        destination = $0["DestinationCidrBlock"] as? String ?? ""
                        $0["State"] = "blackhole"
                    }
                }
            ])
        let single = Self.load(Self.snapshot("after"))
        let result = Self.load(Self.snapshot("after") + before)
        let conflict = try #require(result.report.conflictList.first { $0.kind == "aws:TransitGatewayRoute" })
        #expect(conflict.id.hasSuffix(" \(destination)") && conflict.id.hasPrefix("tgw-rtb-"), "\(conflict.id)")
        #expect(conflict.fields.map(\.name) == ["state"])
        #expect(conflict.fields.first?.kept == "\"active\"" && conflict.fields.first?.dropped == "\"blackhole\"")
        #expect(conflict.kept.file.hasPrefix("after/") && conflict.dropped.file.hasPrefix("before/"))
        // The table keeps one route to it, as in one snapshot.
        let routes = result.model.tgwRouteTables.flatMap(\.routes)
        #expect(routes.count == single.model.tgwRouteTables.flatMap(\.routes).count)
        #expect(!routes.contains { $0.isBlackhole && $0.destinationText == destination })
        #expect(result.report.reconciles)
    }

    /// Conflicts scattered over unrelated files (a corpus of examples) are listed, but are not two
    /// snapshots: no two places share enough of them.
    @Test func scatteredConflictsAreNotTwoSnapshots() {
        let result = Fixtures.load([
            "x/one.json": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "State": "available"}]}"#,
            "x/two.json": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "State": "pending"}]}"#,
            "y/a.json":
                #"{"CustomerGateways": [{"CustomerGatewayId": "cgw-1", "IpAddress": "192.0.2.1", "BgpAsn": "65000"}]}"#,
            "z/b.json":
                #"{"CustomerGateways": [{"CustomerGatewayId": "cgw-1", "IpAddress": "192.0.2.9", "BgpAsn": "65000"}]}"#,
        ])
        #expect(result.report.conflicts == 2)
        #expect(result.report.mixedSnapshots == nil)
    }

    /// A copy at another place in its file (nested items' places differ too) is the same resource.
    @Test func aCopyElsewhereInItsFileIsNoConflict() {
        let reordered = Self.snapshot(
            "b",
            editing: [
                Self.vpnFile: { text in
                    JSONEdit.edit(text) { value in
                        guard var object = value as? [String: Any], let list = object["VpnConnections"] as? [Any]
                        else { return }
                        object["VpnConnections"] = Array(list.reversed())
                        value = object
                    }
                }
            ])
        let result = Self.load(Self.snapshot("a") + reordered)
        #expect(result.report.conflicts == 0, "\(result.report.conflictList.map(\.description))")
        #expect(result.report.duplicates > 0)
    }

    @Test func aCopyInsideOneFileThatDiffersIsListed() throws {
        let text = """
            {"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "State": "available", "OwnerId": "111122223333"},
                      {"VpcId": "vpc-1", "CidrBlock": "10.9.0.0/16", "State": "pending", "OwnerId": "111122223333"}]}
            """
        let result = Fixtures.load(["vpcs.json": text])
        let conflict = try #require(result.report.conflictList.first)
        #expect(conflict.kept.path == "$.Vpcs[0]" && conflict.dropped.path == "$.Vpcs[1]")
        let state = conflict.fields.first { $0.name == "state" }
        #expect(state?.kept == "\"available\"")
        #expect(state?.dropped == "\"pending\"")
        #expect(conflict.fields.contains { $0.name == "cidrs" }, "\(conflict.fields)")
        #expect(result.model.vpcs.first?.state == "available")
        #expect(result.report.kinds["aws:Vpc"]?.conflicting == 1)
        #expect(result.report.kinds["aws:Vpc"]?.duplicates == 1)
    }

    @Test func secretFieldsAreNeverShownAsValues() {
        struct Tunnel {
            let name: String
            let sharedSecret: String
            let preSharedKey: String?
        }
        let flat = DuplicateFields.flatten(Tunnel(name: "t1", sharedSecret: "hunter2", preSharedKey: "abc123XYZ"))
        #expect(flat.map(\.0) == ["name", "sharedSecret", "preSharedKey"])
        #expect(!flat.contains { $0.1.contains("hunter2") || $0.1.contains("abc123XYZ") }, "\(flat)")
    }

    /// The example's pre-shared keys differ between two copies: the keys are dropped when read,
    /// so no conflict (and no value) ever names them.
    @Test func aChangedPreSharedKeyNeverAppears() {
        let secret = "NEWSECRETxyz0123456789"
        let changed = Self.snapshot(
            "b",
            editing: [
                Self.vpnFile: { text in
                    JSONEdit.updating(text, key: "VpnConnections", where: { _ in true }) { connection in
                        guard var options = connection["Options"] as? [String: Any],
                            var tunnels = options["TunnelOptions"] as? [[String: Any]]
                        else { return }
                        for i in tunnels.indices { tunnels[i]["PreSharedKey"] = secret }
                        options["TunnelOptions"] = tunnels
                        connection["Options"] = options
                    }
                }
            ])
        let result = Self.load(Self.snapshot("a") + changed)
        #expect(!result.report.conflictList.map(\.description).joined().contains(secret))
    }

    @Test func conflictsListedPerKindAreBounded() {
        func document(_ state: String) -> String {
            let items = (0..<(LoadReport.maxListedConflicts + 30)).map {
                #"{"VpcId": "vpc-\#($0)", "CidrBlock": "10.0.0.0/16", "State": "\#(state)"}"#
            }
            return #"{"Vpcs": ["# + items.joined(separator: ",") + "]}"
        }
        let result = Fixtures.load(["a.json": document("available"), "b.json": document("pending")])
        #expect(result.report.conflicts == LoadReport.maxListedConflicts + 30)
        #expect(result.report.conflictList.count == LoadReport.maxListedConflicts)
        #expect(result.report.mixedSnapshots?.resources == LoadReport.maxListedConflicts + 30)
    }
}
