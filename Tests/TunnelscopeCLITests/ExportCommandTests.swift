import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeCLI

/// `export --format mermaid|dot|json`: every diagram read by a real parser (mermaid-ascii,
/// Graphviz), marks from the analysis and the what-if, hostile names kept as data, large
/// networks grouped, the JSON contract without secrets.
@Suite struct ExportCommandTests {
    static func export(_ result: LoadResult, _ format: ExportCommand.Format, fail: [String] = [], expand: Bool = false)
        -> String
    {
        let run = ExportRun(result: result, format: format, fail: fail, expand: expand)
        #expect(run.status == 0, "\(run.stderr)")
        return run.output
    }

    static let example = ExampleNetwork.load()

    /// Names that are Mermaid or DOT syntax, line breaks and terminal escapes.
    static let names = [
        "a \"quoted\" name", "[x] (y) {z}", "a --> b -.-> c ==> d", "line1\nline2", "\u{1B}[31mred\u{1B}[0m",
        "%% not a comment", "end", "subgraph", "n1 :::down; | # & <b>", "back\\slash \\n",
    ]

    /// The example with `names` as VPC and VPN connection Name tags and as site names.
    static let hostile: LoadResult = {
        func tagged(_ text: String, _ list: String, from offset: Int) -> String? {
            JSONEdit.edit(text) { value in
                guard var root = value as? [String: Any], var items = root[list] as? [[String: Any]] else { return }
                for i in items.indices {
                    var tags = (items[i]["Tags"] as? [[String: Any]] ?? []).filter { $0["Key"] as? String != "Name" }
                    tags.append(["Key": "Name", "Value": names[(offset + i) % names.count]])
                    items[i]["Tags"] = tags
                }
                root[list] = items
                value = root
            }
        }
        let edits: Variants.Edits = [
            ("aws-111122223333/describe-vpcs.json", { tagged($0, "Vpcs", from: 1) }),
            ("aws-444455556666/describe-vpcs.json", { tagged($0, "Vpcs", from: 0) }),
            (Variants.vpnConnections, { tagged($0, "VpnConnections", from: 3) }),
            (Variants.transitGateways, { tagged($0, "TransitGateways", from: 8) }),
            (
                Variants.annotations,
                { text in
                    JSONEdit.edit(text) { value in
                        guard var root = value as? [String: Any], var sites = root["sites"] as? [[String: Any]]
                        else { return }
                        for i in sites.indices { sites[i]["name"] = names[(6 + i) % names.count] }
                        root["sites"] = sites
                        value = root
                    }
                }
            ),
        ]
        return Importer.load(files: Variants.files(edits), origin: "hostile \"names\" --> %% end back\\slash \\n")
    }()

    static let wild: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/samples/wild")

    // MARK: Mermaid

    @Test func exampleParsesAsMeantWithMarksAndLegend() throws {
        let mermaid = Self.export(Self.example, .mermaid)
        let (problems, drawing) = try DiagramTools.mermaidProblems(mermaid)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\(mermaid)")
        #expect(drawing.contains("Transit Gateway hub-tgw"))
        #expect(mermaid.hasPrefix("%% Tunnelscope topology — built-in example\nflowchart LR\n"))
        // Marks from the verdicts: the tunnel that is down and its connection, the healthy one.
        #expect(mermaid.contains("|tunnel 2, 52.1.20.22, aws-tunnel-1, DOWN (sides disagree)|"))
        #expect(mermaid.contains(#"["VPN connection to-gcp-if0<br/>vpn-0aa11bb22cc33dd44 · TGW · BGP"]:::down"#))
        #expect(mermaid.contains(#"["VPN connection to-gcp-if1<br/>vpn-0bb22cc33dd44ee55 · TGW · BGP"]:::ok"#))
        #expect(mermaid.contains("subgraph g2[\"AWS\"]"))
        #expect(mermaid.contains("[\"project net-host-prj (Shared VPC host)\"]"))
        #expect(mermaid.contains("subgraph legend[\"Legend\"]"))
        #expect(!mermaid.contains(":::failed") && !mermaid.contains(":::lost"), "no what-if marks without --fail")
        // Deterministic.
        #expect(Self.export(ExampleNetwork.load(), .mermaid) == mermaid)
    }

    /// `--before`: each element notes how it differs from BEFORE (the VGW → TGW migration), in
    /// every format; the diagrams still parse.
    @Test func beforeNotesTheChangesOnTheDiagram() throws {
        let after = DiffCases.load("vgw-to-tgw", "after")
        let before = DiffCases.load("vgw-to-tgw", "before")
        let moved = "Δ moved: vgw-0f1e2d3c4b5a69788 → tgw-0a1b2c3d4e5f60718 since before"
        for format in [ExportCommand.Format.mermaid, .dot] {
            let run = ExportRun(result: after, format: format, fail: [], expand: false, before: before)
            #expect(run.status == 0)
            #expect(run.output.contains(moved))
            #expect(run.output.contains("Δ since vgw-to-tgw/before"))
            if format == .mermaid {
                let (problems, drawing) = try DiagramTools.mermaidProblems(run.output)
                #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
                #expect(drawing.contains("moved"))
            } else {
                #expect(try DiagramTools.dotSVG(run.output).status == 0)
            }
        }
        let json = ExportRun(result: after, format: .json, fail: [], expand: false, before: before).output
        #expect(json.contains(#""kind" : "moved""#) || json.contains(#""kind":"moved""#))
        // Without --before nothing says Δ.
        #expect(!Self.export(after, .mermaid).contains("Δ"))
    }

    @Test func labelsAreDataNotSyntax() {
        #expect(
            MermaidWriter.label("a \"b\" [c] {d} |e| <f> & #g %% h :::i ; j \\ k")
                == ("a #quot;b#quot; #91;c#93; #123;d#125; #124;e#124; #lt;f#gt; #amp; #35;g #37;#37; h #58;#58;:i #59; j #92; k")
        )
        #expect(
            MermaidWriter.label("x --> y -.-> z ==> w --- v")
                == "x #45;#45;#gt; y #45;.#45;#gt; z #61;#61;#gt; w #45;#45;- v")
        #expect(MermaidWriter.label("vpc-0abc us-east-1 (app)") == "vpc-0abc us-east-1 (app)", "readable when harmless")
        #expect(MermaidWriter.label("--expand --only --x-") == "--expand #45;-only #45;-x-")
        #expect(!MermaidWriter.label("one\ntwo\u{1B}[31m").contains("\n"))
        #expect(!MermaidWriter.label("one\ntwo\u{1B}[31m").unicodeScalars.contains { $0.value < 0x20 })
        #expect(
            DOTWriter.quoted("a \"b\" \\N\nc") == #""a \"b\" \\N\\u{0a}c""#,
            "a line feed is shown, never one of DOT's escapes")
    }

    @Test func aBrokenDiagramFailsTheParserCheck() throws {
        let good = Self.export(Self.example, .mermaid)
        // A dangling arrow, a label whose quote was not escaped, an indented classDef: each is
        // drawn as a box of text by mermaid-ascii, which the check must catch.
        for broken in [
            good + "    n1 -->\n",
            good.replacingOccurrences(of: "on-prem site Frankfurt DC", with: "on-prem \"]site Frankfurt DC"),
            good.replacingOccurrences(of: "classDef ok", with: "  classDef ok"),
            "flowchart XX\n    n1[\"a\"]\n",
        ] {
            let (problems, _) = try DiagramTools.mermaidProblems(broken)
            #expect(!problems.isEmpty, "not caught:\n\(broken)")
        }
    }

    @Test func whatIfMarksFailedAndLostAsTheExplorerDoes() throws {
        let mermaid = Self.export(Self.example, .mermaid, fail: ["to-gcp-if1"])
        let (problems, _) = try DiagramTools.mermaidProblems(mermaid)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(
            mermaid.hasPrefix("%% Tunnelscope topology — built-in example — what-if: failing VPN connection to-gcp-if1")
        )
        #expect(
            mermaid.contains(
                #"["VPN connection to-gcp-if1<br/>vpn-0bb22cc33dd44ee55 · TGW · BGP<br/>FAILED (what-if)"]:::failed"#))
        // Its two tunnels are lost with it; the legend says what the what-if marks mean.
        let lostTunnels = mermaid.split(separator: "\n").filter {
            $0.contains("aws-tunnel-2") || $0.contains("aws-tunnel-3")
        }
        #expect(lostTunnels.count == 2 && lostTunnels.allSatisfy { $0.contains("DOWN with VPN connection to-gcp-if1") })
        #expect(mermaid.contains(":::failed") && mermaid.contains(#"["failed (what-if)"]"#))
    }

    @Test func hostileNamesStayLabelsInMermaid() throws {
        let mermaid = Self.export(Self.hostile, .mermaid)
        let (problems, drawing) = try DiagramTools.mermaidProblems(mermaid)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\(mermaid)")
        #expect(!mermaid.unicodeScalars.contains { Hostile.isForbidden($0) }, "no raw control character")
        // Every line is a header, a classDef, a node, a subgraph or its end, an edge or a comment.
        for line in mermaid.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            let known =
                text.hasPrefix("%% ") || text == "flowchart LR" || text.hasPrefix("classDef ") || text == "end"
                || text.range(of: #"^(n|legend)\d+\[".*"\]:::[a-z]+$"#, options: .regularExpression) != nil
                || text.range(of: #"^subgraph (g\d+|legend)\[".*"\]$"#, options: .regularExpression) != nil
                || text.range(of: #"^n\d+ -->\|[^|]*\| n\d+$"#, options: .regularExpression) != nil
            #expect(known, "unexpected line: \(text)")
        }
        #expect(mermaid.contains("a #quot;quoted#quot; name"))
        #expect(mermaid.contains("a #45;#45;#gt; b #45;.#45;#gt; c #61;#61;#gt; d"))
        #expect(mermaid.contains("#37;#37; not a comment"))
        #expect(drawing.contains("a #45;#45;#gt; b #45;.#45;#gt; c #61;#61;#gt; d"))
    }

    @Test func existingHostileFixtureIsSanitisedInEveryFormat() throws {
        for format in ExportCommand.Format.allCases {
            let output = Self.export(Hostile.load(), format)
            #expect(!output.unicodeScalars.contains { Hostile.isForbidden($0) }, "\(format)")
        }
        let (problems, _) = try DiagramTools.mermaidProblems(Self.export(Hostile.load(), .mermaid))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // MARK: DOT

    @Test func dotOfEveryFixtureIsReadByGraphviz() throws {
        var cases: [(String, LoadResult, [String])] = [
            ("example", Self.example, []), ("what-if", Self.example, ["to-gcp-if1"]), ("hostile", Self.hostile, []),
            ("hostile fixture", Hostile.load(), []),
        ]
        if Self.wildExists { cases.append(("wild", Importer.load(paths: [Self.wild.path]), [])) }
        for (name, result, fail) in cases {
            let dot = Self.export(result, .dot, fail: fail)
            let (status, svg, stderr) = try DiagramTools.dotSVG(dot)
            #expect(status == 0 && stderr.isEmpty, "\(name): \(stderr)")
            #expect(svg.contains("<svg"), "\(name)")
            #expect(!dot.unicodeScalars.contains { Hostile.isForbidden($0) }, "\(name)")
        }
        // Hostile names come out of Graphviz as the text they were (quotes, arrows, keywords).
        let svg = try DiagramTools.dotSVG(Self.export(Self.hostile, .dot)).svg
        #expect(svg.contains("a &quot;quoted&quot; name"))
        #expect(svg.contains("a &#45;&#45;&gt; b &#45;.&#45;&gt; c ==&gt; d"))
        #expect(svg.contains("back\\slash \\n"))
        // A broken DOT fails: the check above would notice.
        #expect(try DiagramTools.dotSVG("digraph { n1 [label=\"a\" ] n2 -> }").status != 0)
    }

    /// The published exports are read in place where they are (as the import tests do).
    static let wildExists = FileManager.default.fileExists(atPath: wild.path)

    @Test(.enabled(if: wildExists, "../shared/samples/wild is absent")) func wildSampleParsesInMermaid() throws {
        let mermaid = Self.export(Importer.load(paths: [Self.wild.path]), .mermaid)
        let (problems, _) = try DiagramTools.mermaidProblems(mermaid)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // MARK: Large networks

    @Test(.timeLimit(.minutes(5))) func thousandVPCsAreGroupedUnlessExpanded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generate = try BinaryRunner.run(
            BinaryRunner.tunnelscopeURL(), ["generate", "-o", folder.path, "--vpcs", "1000"], timeout: 120)
        #expect(generate.status == 0, "\(generate.stderr)")
        let result = Importer.load(paths: [folder.path])
        let mermaid = Self.export(result, .mermaid)
        let nodes = mermaid.split(separator: "\n").filter {
            $0.range(of: #"^\s*n\d+\["#, options: .regularExpression) != nil
        }
        #expect(nodes.count < 80, "\(nodes.count) nodes: a person cannot read that")
        let vpcsCounted = nodes.compactMap { line -> Int? in
            guard let r = line.range(of: #"\["\d+ VPCs<br/>"#, options: .regularExpression) else { return nil }
            return Int(line[r].dropFirst(2).prefix { $0.isNumber })
        }
        #expect(result.model.vpcs.count >= 1000)
        let single = nodes.filter { $0.contains("[\"VPC ") }.count
        #expect(vpcsCounted.reduce(0, +) + single == result.model.vpcs.count, "every VPC is in a group or its own box")
        #expect(mermaid.contains("on-prem sites<br/>"), "many sites in one box")
        let (problems, _) = try DiagramTools.mermaidProblems(mermaid)
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "\n"))")
        let (status, _, stderr) = try DiagramTools.dotSVG(Self.export(result, .dot))
        #expect(status == 0, "\(stderr)")
        #expect(ExportRun(result: result, format: .mermaid, fail: [], expand: false).stderr.isEmpty, "fits a wiki")
        // A what-if on one grouped VPC: its group counts it failed and is marked with the what-if.
        let target = try #require(result.model.vpcs.first { $0.accountId == "500000000003" })
        let whatIf = Self.export(result, .mermaid, fail: [target.id])
        let group = try #require(
            whatIf.split(separator: "\n").first { $0.contains(" VPCs<br/>1 failed") }, "no group counts the failure")
        #expect(group.hasSuffix(":::lost"))
        let expandedRun = ExportRun(result: result, format: .mermaid, fail: [], expand: true)
        #expect(expandedRun.status == 0 && expandedRun.stderr.contains("draws up to 50000 characters and 500 edges"))
        let expanded = Self.export(result, .mermaid, expand: true)
        #expect(expanded.split(separator: "\n").filter { $0.contains("[\"VPC ") }.count == result.model.vpcs.count)
    }

    // MARK: JSON

    @Test func jsonContractHasNoSecretAndEveryVerdict() throws {
        let text = Self.export(Self.example, .json)
        let raw = try String(contentsOf: Self.exampleVPNFile, encoding: .utf8)
        #expect(raw.contains("Zk3x_example_psk_A1"), "the fixture has pre-shared keys")
        #expect(!text.contains("Zk3x_example_psk") && !text.contains("PreSharedKey"), "never a pre-shared key")
        #expect(!text.contains("CustomerGatewayConfiguration"))
        let document = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["kind"] as? String == "tunnelscope-topology")
        #expect(Set(document.keys) == ["schemaVersion", "kind", "origin", "aws", "gcp", "onPrem", "tunnels", "impact"])
        let aws = try #require(document["aws"] as? [String: Any])
        #expect(
            Set(aws.keys) == [
                "accounts", "transitGateways", "vpnGateways", "vpcs", "tgwAttachments", "customerGateways",
                "vpnConnections", "directConnectGateways",
            ])
        let connections = try #require(aws["vpnConnections"] as? [[String: Any]])
        let if0 = try #require(connections.first { $0["id"] as? String == "vpn-0aa11bb22cc33dd44" })
        let verdict = try #require(if0["verdict"] as? [String: Any])
        #expect(verdict["health"] as? String == "down")
        #expect((verdict["findings"] as? [String])?.contains("tunnel-down") == true)
        #expect(verdict["whatIf"] == nil)
        let tunnels = try #require(if0["tunnels"] as? [[String: Any]])
        #expect(
            tunnels.count == 2
                && tunnels.allSatisfy { Set($0.keys).isDisjoint(with: ["PreSharedKey", "preSharedKey"]) })
        let impact = try #require(document["impact"] as? [String: Any])
        #expect((impact["crossCloudTunnels"] as? [String: Int]) == ["carrying": 3, "total": 4])
        let joined = try #require(document["tunnels"] as? [[String: Any]])
        let down = try #require(joined.first { $0["id"] as? String == "tunnel/52.1.20.22" })
        #expect((down["verdict"] as? [String: Any])?["word"] as? String == "DOWN")
        #expect(Self.export(ExampleNetwork.load(), .json) == text, "deterministic")

        // With --fail: the failed element, what it takes down, and the what-if's impact.
        let whatIf = try #require(
            JSONSerialization.jsonObject(with: Data(Self.export(Self.example, .json, fail: ["to-gcp-if1"]).utf8))
                as? [String: Any])
        #expect((whatIf["whatIf"] as? [String: Any])?["failed"] as? [String] == ["vpn-0bb22cc33dd44ee55"])
        let after = try #require((whatIf["aws"] as? [String: Any])?["vpnConnections"] as? [[String: Any]])
        let failed = try #require(after.first { $0["id"] as? String == "vpn-0bb22cc33dd44ee55" })
        #expect((failed["verdict"] as? [String: Any])?["whatIf"] as? String == "failed")
        let lost = try #require(
            (whatIf["tunnels"] as? [[String: Any]])?.first { $0["id"] as? String == "tunnel/3.220.30.33" })
        #expect((lost["verdict"] as? [String: Any])?["whatIf"] as? String == "lost")
        #expect(((whatIf["impact"] as? [String: Any])?["crossCloudTunnels"] as? [String: Int])?["carrying"] == 1)
    }

    static let exampleVPNFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(
            "Sources/TunnelscopeExample/ExampleNetwork/aws-111122223333/describe-vpn-connections.json")

    @Test func theBinaryPrintsWhatTheRunMakes() throws {
        let binary = BinaryRunner.tunnelscopeURL()
        for format in ExportCommand.Format.allCases {
            let run = try BinaryRunner.run(binary, ["export", "--format", format.rawValue], timeout: 60)
            #expect(run.status == 0, "\(run.stderr)")
            let expected = Self.export(Self.example, format)
            #expect(run.stdout == expected + (expected.hasSuffix("\n") ? "" : "\n"), "\(format)")
        }
        let markdown = try BinaryRunner.run(binary, ["check", "--format", "markdown"], timeout: 60)
        #expect(markdown.status == 1, "error findings: exit 1 as with text")
        #expect(markdown.stdout.hasPrefix("# Tunnelscope check — built\\-in example\n"))
        let missing = try BinaryRunner.run(binary, ["export", "/nonexistent/tunnelscope-export"], timeout: 60)
        #expect(missing.status == 2 && missing.stdout.isEmpty && missing.stderr.contains("nothing loadable"))
    }

    @Test func unknownFailNameIsUnusable() {
        let run = ExportRun(result: Self.example, format: .mermaid, fail: ["no-such-thing"], expand: false)
        #expect(run.status == 2 && run.output.isEmpty && run.stderr.contains("--fail no-such-thing"))
    }
}
