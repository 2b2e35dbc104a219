import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeModel

@testable import TunnelscopeImport

/// The crashes of issue 8, items 1 and 2: each gives one clear line and the other files load.
@Suite struct HostileInputTests {
    static let goodVpcs = #"{"Vpcs": [{"VpcId": "vpc-good", "CidrBlock": "10.0.0.0/16", "OwnerId": "1"}]}"#

    static func name(_ text: String) -> String {
        #"{"Vpcs": [{"VpcId": "vpc-x", "Tags": [{"Key": "Name", "Value": "\#(text)"}]}]}"#
    }

    @Test(arguments: [
        (#"\ud800\u0041"#, "\u{FFFD}A"),
        (#"\udbff\udbff"#, "\u{FFFD}\u{FFFD}"),
        (#"\ud83d\u0000"#, "\u{FFFD}\u{0}"),
        (#"\udc00x"#, "\u{FFFD}x"),
        (#"a\ud800"#, "a\u{FFFD}"),
        (#"\ud800\n"#, "\u{FFFD}\n"),
        (#"\ud83d\ude00"#, "😀"),
        (#"\ud800\ud83d\ude00"#, "\u{FFFD}😀"),
    ])
    func loneSurrogatesReadAsReplacementCharacters(escaped: String, expected: String) throws {
        let result = Fixtures.load(["x.json": Self.name(escaped), "good.json": Self.goodVpcs])
        let vpc = try #require(result.model.vpcs.first { $0.id == "vpc-x" })
        #expect(vpc.tags["Name"] == expected)
        #expect(result.model.vpcs.count == 2)
    }

    @Test func theIssuesSurrogateFilesDoNotCrash() {
        for text in [
            #"["\ud800\u0041"]"#, #"["\udbff\udbff"]"#, #"["\ud83d\u0000"]"#, #"["\ud800\u"]"#, #"["\ud800\u12"]"#,
        ] {
            let result = Fixtures.load(["x.json": text, "good.json": Self.goodVpcs])
            #expect(result.model.vpcs.map(\.id) == ["vpc-good"])
            #expect(result.report.files.first { $0.file == "x.json" }?.outcome != .loaded)
        }
    }

    static func vpn(xml: String) -> String {
        let document: [String: Any] = [
            "VpnConnections": [["VpnConnectionId": "vpn-1", "CustomerGatewayConfiguration": xml]]
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    }

    @Test func deeplyNestedConfigurationXMLGivesAMessage() throws {
        let xml =
            "<vpn_connection>" + String(repeating: "<a>", count: 30_000) + String(repeating: "</a>", count: 30_000)
            + "</vpn_connection>"
        let result = Fixtures.load(["deep.json": Self.vpn(xml: xml), "good.json": Self.goodVpcs])
        let warning = try #require(result.report.warnings.first { $0.file == "deep.json" })
        #expect(warning.path == "$.VpnConnections[0].CustomerGatewayConfiguration")
        #expect(warning.text.contains("nested deeper than 64 levels"))
        #expect(result.model.vpnConnections.map(\.id) == ["vpn-1"], "the connection itself still loads")
        #expect(result.model.vpcs.count == 1)
    }

    @Test func oversizedConfigurationXMLIsNotRead() throws {
        let xml = "<vpn_connection>" + String(repeating: "x", count: 2 << 20) + "</vpn_connection>"
        let result = Fixtures.load(["big.json": Self.vpn(xml: xml)])
        let warning = try #require(result.report.warnings.first)
        #expect(warning.text.contains("2 MiB, more than the 1 MiB read"))
        #expect(result.model.vpnConnections.count == 1)
    }

    @Test func configurationXMLStillGivesTheInsideAddresses() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment --><vpn_connection id="vpn-1">
              <ipsec_tunnel>
                <customer_gateway><tunnel_outside_address><ip_address>35.242.1.10</ip_address></tunnel_outside_address>
                  <tunnel_inside_address><ip_address>169.254.10.2</ip_address><network_cidr>30</network_cidr></tunnel_inside_address>
                  <bgp><asn>65000</asn></bgp></customer_gateway>
                <vpn_gateway><tunnel_outside_address><ip_address><![CDATA[3.210.10.11]]></ip_address></tunnel_outside_address>
                  <tunnel_inside_address><ip_address>169.254.10.1</ip_address><network_cidr>30</network_cidr></tunnel_inside_address>
                  <bgp><asn>64512</asn></bgp></vpn_gateway>
                <ike><pre_shared_key>k3y-not-kept</pre_shared_key><empty/></ike>
              </ipsec_tunnel>
            </vpn_connection>
            """
        let result = Fixtures.load(["vpn.json": Self.vpn(xml: xml)])
        let tunnel = try #require(result.model.vpnConnections.first?.tunnels.first)
        #expect(tunnel.outsideIp == IPv4Address("3.210.10.11"))
        #expect(tunnel.awsInsideIp == IPv4Address("169.254.10.1"))
        #expect(tunnel.customerInsideIp == IPv4Address("169.254.10.2"))
        #expect(tunnel.awsAsn == 64512)
        #expect(tunnel.customerAsn == 65000)
        #expect(result.report.warnings.isEmpty)
        #expect(!String(reflecting: result.model).contains("k3y-not-kept"))
    }

    @Test func xmlMessagesNameOnlyKnownElements() throws {
        let cases: [(xml: String, expected: String)] = [
            ("<vpn_connection><ike></vpn_connection>", "</vpn_connection> does not close <ike>"),
            ("<vpn_connection><ike><mode>main</mode>", "the text ends inside <ike>"),
            ("<vpn_connection><secretname-xyz>", "the text ends inside an element"),
            ("<vpn_connection><a b></a></vpn_connection>", "an attribute without '='"),
            ("<vpn_connection><a b=\"x></a></vpn_connection>", "an attribute value is not closed before the next tag"),
            ("...configuration information...", "no root element"),
        ]
        for (xml, expected) in cases {
            let result = Fixtures.load(["vpn.json": Self.vpn(xml: xml)])
            let warning = try #require(result.report.warnings.first)
            #expect(warning.text.contains(expected), "\(warning.text)")
            #expect(warning.text.contains("line 1, column "))
            #expect(!warning.text.contains("secretname"))
        }
    }
}

/// Issue 8, item 13: long strings are cut at load (with a warning naming the file and path), so
/// nothing later costs more for a longer string.
@Suite struct LongTextTests {
    @Test func aFiftyMegabyteNameIsCutWithAWarning() throws {
        let name = String(repeating: "N", count: 50 << 20)
        let document =
            #"{"Vpcs": [{"VpcId": "vpc-big", "CidrBlock": "10.0.0.0/16", "Tags": [{"Key": "Name", "Value": ""#
            + name + #""}]}]}"#
        let result = Fixtures.load(["big.json": document, "good.json": HostileInputTests.goodVpcs])
        let vpc = try #require(result.model.vpcs.first { $0.id == "vpc-big" })
        let kept = try #require(vpc.tags["Name"])
        #expect(kept.utf8.count <= 4096 + 3 && kept.hasSuffix("…") && kept.hasPrefix("NNNN"))
        #expect(
            result.report.warnings.map(\.description) == [
                "big.json $.Vpcs[0].Tags[0].Value: 52428800 bytes of text, cut to the first 4 KiB"
            ])
        #expect(result.model.vpcs.count == 2)
    }

    @Test func cuttingKeepsWholeCharacters() {
        let text = String(repeating: "é", count: 3000)  // 2 bytes each
        let cut = Node.cut(text)
        #expect(cut == String(repeating: "é", count: 2048) + "…")
        #expect(Node.cut("short") == "short")
    }

    @Test func keysAndQuotedValuesAreEscapedAndShort() {
        #expect(Node.keyPath("Options") == ".Options")
        #expect(Node.keyPath("a b") == #"["a b"]"#)
        #expect(Node.keyPath("\u{1B}]0;x\u{07}\"") == #"["\u001b]0;x\u0007\""]"#)
        #expect(Node.keyPath("\u{202E}") == #"["\u202e"]"#)
        #expect(Node.shownKey(String(repeating: "k", count: 100)) == String(repeating: "k", count: 64) + "…")
        #expect(Node.quoted("10.0.0.0/33\n") == #""10.0.0.0/33\u000a""#)
    }
}

/// The fuzz target's entry (scripts/fuzz.sh) holds its invariants on the seeds it starts from.
@Suite struct FuzzEntryTests {
    @Test func theSeedsPass() throws {
        for file in ExampleNetwork.files { FuzzEntry.run(file.bytes) }
        let xml =
            #"<vpn_connection><ipsec_tunnel><ike><pre_shared_key>k</pre_shared_key></ike></ipsec_tunnel></vpn_connection>"#
        FuzzEntry.run(Array(xml.utf8))
        FuzzEntry.run(Array("<a>\u{0}\"\\\n</b>".utf8))
        FuzzEntry.run([])
    }
}
