import Foundation
import Testing
import TunnelscopeImport
import TunnelscopeModel

/// Broken input of every class gives one clear line naming the file and the JSON path;
/// the rest still loads; nothing crashes; every resource is accounted for.
@Suite struct BadInputTests {
    static let goodVpcs = #"{"Vpcs": [{"VpcId": "vpc-good", "CidrBlock": "10.0.0.0/16", "OwnerId": "1"}]}"#

    @Test func malformedJSONNamesLineAndColumn() throws {
        let result = Fixtures.load([
            "bad.json": "{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\",, }\n  ]\n}", "good.json": Self.goodVpcs,
        ])
        let message = try #require(result.report.skipped.first { $0.file == "bad.json" })
        #expect(message.text.contains("line 3, column"))
        #expect(result.model.vpcs.map(\.id) == ["vpc-good"])
    }

    @Test func truncatedFileSaysTruncated() throws {
        let full = try String(
            contentsOf: Fixtures.motoSamples.appendingPathComponent("describe-vpn-connections.json"), encoding: .utf8)
        let result = Fixtures.load(["cut.json": String(full.prefix(full.count / 2)), "good.json": Self.goodVpcs])
        let message = try #require(result.report.skipped.first { $0.file == "cut.json" })
        #expect(message.text.contains("truncated"))
        #expect(result.model.vpcs.count == 1)
    }

    @Test func wrongTypesSkipTheResourceWithItsPath() throws {
        let doc = #"""
            {"VpnConnections": [
              {"VpnConnectionId": 12345},
              "not an object",
              {"VpnConnectionId": "vpn-ok", "Options": {"TunnelOptions": [{"OutsideIpAddress": 7}]}, "Tags": "oops"}
            ]}
            """#
        let result = Fixtures.load(["vpn.json": doc])
        #expect(result.model.vpnConnections.map(\.id) == ["vpn-ok"])
        #expect(result.report.skipped.map(\.path) == ["$.VpnConnections[0].VpnConnectionId", "$.VpnConnections[1]"])
        #expect(result.report.skipped[0].text.contains("should be a non-empty string, found number"))
        // Optional fields of the wrong type: the resource loads, the field is reported as ignored.
        #expect(
            result.report.warnings.map(\.path).contains("$.VpnConnections[2].Options.TunnelOptions[0].OutsideIpAddress")
        )
        #expect(result.report.warnings.map(\.path).contains("$.VpnConnections[2].Tags"))
        #expect(result.report.reconciles)
        #expect(result.report.kinds["aws:VpnConnection"]?.skipped == 2)
    }

    @Test func unknownDocumentsAndElementsAreListed() throws {
        let result = Fixtures.load([
            "package.json": #"{"name": "left-pad", "version": "1.0.0"}"#,
            "instances.json":
                #"[{"kind": "compute#instance", "name": "vm-1", "selfLink": "projects/p/zones/z/instances/vm-1"}]"#,
            "mixed.json":
                #"[{"kind": "compute#network", "name": "n", "selfLink": "projects/p/global/networks/n"}, {"foo": 1}]"#,
        ])
        #expect(result.report.files.first { $0.file == "package.json" }?.outcome == .unrecognized)
        #expect(
            result.report.skipped.contains {
                $0.file == "instances.json" && $0.text.contains("compute#instance is not used")
            })
        #expect(result.report.skipped.contains { $0.file == "mixed.json" && $0.path == "$[1]" })
        #expect(result.model.gcpNetworks.count == 1)
        #expect(result.report.reconciles)
    }

    @Test func emptyWhitespaceBinaryAndNonUTF8Files() throws {
        var files: [InputFile] = [
            InputFile(name: "empty.json", bytes: []),
            InputFile(name: "blank.json", bytes: Array("  \n\t".utf8)),
            InputFile(name: "image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]),
            InputFile(
                name: "latin1.json",
                bytes: Array(#"{"Vpcs": [{"VpcId": "vpc-"#.utf8) + [0xE9]
                    + Array(#"", "CidrBlock": "10.1.0.0/16"}]}"#.utf8)),
            InputFile(name: "good.json", bytes: Array(Self.goodVpcs.utf8)),
        ]
        files.append(InputFile(name: "bom.json", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"Subnets": []}"#.utf8)))
        let result = Importer.load(files: files, origin: "test")
        let outcome = Dictionary(uniqueKeysWithValues: result.report.files.map { ($0.file, $0) })
        #expect(outcome["empty.json"]?.reason == "empty file")
        #expect(outcome["blank.json"]?.reason == "only white space")
        #expect(outcome["image.png"]?.outcome == .notJSON)
        #expect(outcome["latin1.json"]?.reason?.contains("not valid UTF-8") == true)
        #expect(outcome["bom.json"]?.outcome == .loaded)
        #expect(result.model.vpcs.map(\.id) == ["vpc-good"])
    }

    @Test func deepNestingDoesNotCrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = Fixtures.load(["deep.json": deep])
        #expect(result.report.skipped.first?.text.contains("nesting deeper") == true)
    }

    @Test func aFolderWithThousandsOfUnrelatedFiles() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for i in 0..<2000 {
            let folder = root.appendingPathComponent("junk/\(i % 40)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let content: Data =
                switch i % 4 {
                case 0: Data("just some notes \(i)\n".utf8)
                case 1: Data((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ i) })
                case 2: Data(#"{"unrelated": \#(i)}"#.utf8)
                default: Data("[1, 2, \(i)]".utf8)
                }
            try content.write(to: folder.appendingPathComponent("file\(i).\(["txt", "bin", "json", "json"][i % 4])"))
        }
        try Data(Self.goodVpcs.utf8).write(to: root.appendingPathComponent("vpcs.json"))
        try Data("{}".utf8).write(to: root.appendingPathComponent(".hidden.json"))
        let result = Importer.load(paths: [root.path, root.appendingPathComponent("missing").path])
        #expect(result.model.vpcs.map(\.id) == ["vpc-good"])
        #expect(result.report.files.count == 2002, "2000 junk + vpcs.json + the missing path; hidden files passed over")
        #expect(result.report.files.first { $0.file.hasSuffix("missing") }?.reason == "no such file or directory")
        #expect(result.report.loadedFiles.count == 1)
    }
}

@Suite struct DeletedResourceTests {
    @Test func deletedAWSResourcesAreSkippedWithTheirReason() {
        let vpn =
            #"{"VpnConnections": [{"VpnConnectionId": "vpn-gone", "State": "deleted", "CustomerGatewayId": "cgw-gone"}, {"VpnConnectionId": "vpn-live", "State": "available"}]}"#
        let cgw =
            #"{"CustomerGateways": [{"CustomerGatewayId": "cgw-gone", "State": "deleted", "IpAddress": "203.0.113.9", "BgpAsn": "65000"}]}"#
        let result = Fixtures.load(["vpn.json": vpn, "cgw.json": cgw])
        #expect(result.model.vpnConnections.map(\.id) == ["vpn-live"])
        #expect(result.model.customerGateways.isEmpty)
        #expect(result.model.onPremSites.isEmpty, "a deleted customer gateway is no site")
        #expect(result.report.skipped.count == 2)
        #expect(result.report.skipped.allSatisfy { $0.text.contains("state is deleted") })
        #expect(result.report.reconciles)
    }

    @Test func aNetworkWithoutTheGcloudKeysIsCustomUnlessLegacy() {
        let networks =
            #"[{"kind": "compute#network", "name": "a", "selfLink": "projects/p/global/networks/a"}, {"kind": "compute#network", "name": "b", "selfLink": "projects/p/global/networks/b", "IPv4Range": "10.240.0.0/16"}]"#
        let model = Fixtures.load(["n.json": networks]).model
        #expect(model.gcpNetworks.map(\.subnetMode) == [.custom, .legacy])
    }
}
