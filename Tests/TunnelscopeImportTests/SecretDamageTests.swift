import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

/// Damaged exports never print a secret: every byte around a pre-shared key (in the configuration
/// XML and in `TunnelOptions`) and a BGP auth key is deleted, doubled, or replaced by `<`, `>`, `"`
/// or `&`, and no message of the load report (nor, for a sample, the model) holds the key or any
/// 8-character piece of it.
@Suite struct SecretDamageTests {
    /// Every 8-character piece of a secret (a leak of part of a key is a leak).
    static func pieces(_ secret: String) -> [String] {
        let chars = Array(secret)
        guard chars.count >= 8 else { return [secret] }
        return (0...(chars.count - 8)).map { String(chars[$0..<($0 + 8)]) }
    }

    static func everything(_ result: LoadResult) -> [String] {
        result.report.skipped.map(\.description) + result.report.warnings.map(\.description)
            + result.report.notes.map(\.description) + result.report.files.compactMap(\.reason)
    }

    static let damages: [(String, @Sendable (inout [UInt8], Int) -> Void)] = [
        ("delete", { bytes, i in bytes.remove(at: i) }),
        ("duplicate", { bytes, i in bytes.insert(bytes[i], at: i) }),
        ("<", { bytes, i in bytes[i] = UInt8(ascii: "<") }),
        (">", { bytes, i in bytes[i] = UInt8(ascii: ">") }),
        ("\"", { bytes, i in bytes[i] = UInt8(ascii: "\"") }),
        ("&", { bytes, i in bytes[i] = UInt8(ascii: "&") }),
    ]

    /// Damages `bytes` at every position from `margin` before each occurrence of a secret's
    /// element or field to `margin` after it, loads each damaged version, and returns the leaks.
    static func leaks(
        in bytes: [UInt8], around markers: [(start: Int, end: Int)], secrets: [String], margin: Int,
        wrap: ([UInt8]) -> [UInt8] = { $0 }, modelEvery: Int = 25
    ) -> (cases: Int, leaks: [String]) {
        let pieces = secrets.flatMap(Self.pieces)
        var leaks: [String] = []
        var cases = 0
        for marker in markers {
            for position in max(0, marker.start - margin)..<min(bytes.count, marker.end + margin) {
                for (name, damage) in damages {
                    var damaged = bytes
                    damage(&damaged, position)
                    cases += 1
                    let result = Importer.load(files: [InputFile(name: "vpn.json", bytes: wrap(damaged))], origin: "t")
                    var texts = everything(result)
                    if cases % modelEvery == 0 { texts.append(String(reflecting: result.model)) }
                    for text in texts {
                        if let piece = pieces.first(where: { text.contains($0) }) {
                            leaks.append("\(name) at \(position): \"\(piece)\" in \(text.prefix(300))")
                        }
                    }
                }
            }
        }
        return (cases, leaks)
    }

    static func ranges(of needle: String, in bytes: [UInt8]) -> [(start: Int, end: Int)] {
        let n = Array(needle.utf8)
        var found: [(Int, Int)] = []
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], Array(bytes[i..<(i + n.count)]) == n {
                found.append((i, i + n.count))
                i += n.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// From the start of `<pre_shared_key>` to the end of `</pre_shared_key>`.
    static func keyElements(in bytes: [UInt8]) -> [(start: Int, end: Int)] {
        let opens = ranges(of: "<pre_shared_key", in: bytes)
        let closes = ranges(of: "</pre_shared_key>", in: bytes)
        return zip(opens, closes).map { ($0.start, $1.end) }
    }

    /// The example's configuration XMLs, damaged as XML text (then stored in a valid export).
    @Test func theExamplesConfigurationXML() throws {
        let file = try #require(ExampleNetwork.files.first { $0.name.hasSuffix("describe-vpn-connections.json") })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        let connections = try #require(document["VpnConnections"] as? [[String: Any]])
        var total = 0
        for connection in connections {
            let xml = try #require(connection["CustomerGatewayConfiguration"] as? String)
            let secrets = ["A1", "A2", "B1", "B2", "C1", "C2"].map { "Zk3x_example_psk_\($0)" }
            let bytes = Array(xml.utf8)
            // The first key of each connection: the second sits in the same structure.
            let markers = Array(Self.keyElements(in: bytes).prefix(1))
            #expect(!markers.isEmpty)
            let (cases, leaks) = Self.leaks(
                in: bytes, around: markers, secrets: secrets, margin: 24,
                wrap: { Array(HostileInputTests.vpn(xml: String(decoding: $0, as: UTF8.self)).utf8) })
            total += cases
            #expect(leaks.isEmpty, "\(leaks.prefix(5))")
        }
        #expect(total > 1000)
    }

    /// Hand-made configuration documents: one line, attributes, CDATA, entities, keys full of
    /// markup characters, a key next to the addresses, a Direct Connect router configuration.
    static let handMade: [(xml: String, secret: String)] = [
        (
            #"<vpn_connection id="v"><ipsec_tunnel><ike><mode>main</mode><pre_shared_key>Qw3rtyUiopAsdfGh</pre_shared_key></ike><vpn_gateway><tunnel_outside_address><ip_address>3.3.3.3</ip_address></tunnel_outside_address></vpn_gateway></ipsec_tunnel></vpn_connection>"#,
            "Qw3rtyUiopAsdfGh"
        ),
        (
            "<vpn_connection>\n <ipsec_tunnel>\n  <ike>\n   <pre_shared_key encoding=\"plain\" x='1'>\n     Lm9_Nb8.Vc7_Xz6.Kj5\n   </pre_shared_key>\n  </ike>\n </ipsec_tunnel>\n</vpn_connection>",
            "Lm9_Nb8.Vc7_Xz6.Kj5"
        ),
        (
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key><![CDATA[Cd4t4_S3cr3t_V4lu3]]></pre_shared_key></ike></ipsec_tunnel></vpn_connection>",
            "Cd4t4_S3cr3t_V4lu3"
        ),
        (
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key>Amp&amp;Lt&lt;Gt&gt;Key12345</pre_shared_key></ike></ipsec_tunnel></vpn_connection>",
            "Amp&amp;Lt&lt;Gt&gt;Key12345"
        ),
        (
            "<vpn_connection><ipsec_tunnel><vpn_gateway><tunnel_outside_address><ip_address>3.3.3.3</ip_address></tunnel_outside_address><bgp><asn>64512</asn></bgp></vpn_gateway><ike><pre_shared_key>0123456789abcdefABCDEF</pre_shared_key></ike><customer_gateway><tunnel_outside_address><ip_address>4.4.4.4</ip_address></tunnel_outside_address></customer_gateway></ipsec_tunnel></vpn_connection>",
            "0123456789abcdefABCDEF"
        ),
        (
            "<vpn_connection><ipsec_tunnel><ike><pre_shared_key>Sp4ce key with<>\"quotes'</pre_shared_key></ike></ipsec_tunnel></vpn_connection>",
            "Sp4ce key with<>\"quotes'"
        ),
    ]

    @Test func handMadeConfigurationXMLs() {
        var total = 0
        for (xml, secret) in Self.handMade {
            let bytes = Array(xml.utf8)
            let (cases, leaks) = Self.leaks(
                in: bytes, around: Self.keyElements(in: bytes), secrets: [secret], margin: 24,
                wrap: { Array(HostileInputTests.vpn(xml: String(decoding: $0, as: UTF8.self)).utf8) })
            total += cases
            #expect(leaks.isEmpty, "\(leaks.prefix(5))")
        }
        #expect(total > 1000)
    }

    /// The raw bytes of an export (JSON damage, also inside the escaped XML string) around a
    /// `PreSharedKey` field, a `<pre_shared_key>` element and Direct Connect `authKey`s.
    @Test func rawExportBytes() {
        let document = """
            {"VpnConnections": [{"VpnConnectionId": "vpn-1", "Options": {"TunnelOptions": [
              {"OutsideIpAddress": "3.3.3.3", "TunnelInsideCidr": "169.254.1.0/30", "PreSharedKey": "Rt5_yU7_iO9_pA1"},
              {"PreSharedKey": "Hj2.Kl4.Zx6.Cv8", "OutsideIpAddress": "4.4.4.4"}]},
             "CustomerGatewayConfiguration": "<vpn_connection>\\n<ipsec_tunnel><ike><pre_shared_key>Xm1_Yn2_Zo3_Wp4</pre_shared_key></ike></ipsec_tunnel></vpn_connection>"}],
             "virtualInterfaces": [{"virtualInterfaceId": "dxvif-1", "authKey": "Bgp_Md5_Auth_9876",
               "customerRouterConfig": "<logical_connection><bgp_auth_key>Bgp_Md5_Auth_9876</bgp_auth_key></logical_connection>",
               "bgpPeers": [{"bgpPeerId": "p", "authKey": "Bgp_Md5_Auth_9876"}]}]}
            """
        let bytes = Array(document.utf8)
        let secrets = ["Rt5_yU7_iO9_pA1", "Hj2.Kl4.Zx6.Cv8", "Xm1_Yn2_Zo3_Wp4", "Bgp_Md5_Auth_9876"]
        let markers = secrets.flatMap { Self.ranges(of: $0, in: bytes) }
        let (cases, leaks) = Self.leaks(in: bytes, around: markers, secrets: secrets, margin: 20, modelEvery: 5)
        #expect(cases > 1000)
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
    }
}
