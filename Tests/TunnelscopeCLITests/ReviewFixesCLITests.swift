import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

@testable import TunnelscopeCLI
@testable import TunnelscopeRender

/// The example's files with some edited or removed (by name suffix), loaded.
private func example(removing removed: [String] = [], editing edits: [String: (Any) -> Any] = [:]) -> LoadResult {
    var files: [InputFile] = []
    for file in ExampleNetwork.files where !removed.contains(where: { file.name.contains($0) }) {
        guard let edit = edits.first(where: { file.name.hasSuffix($0.key) })?.value else {
            files.append(file)
            continue
        }
        let object = try! JSONSerialization.jsonObject(with: Data(file.bytes))
        let data = try! JSONSerialization.data(withJSONObject: edit(object))
        files.append(InputFile(name: file.name, bytes: [UInt8](data)))
    }
    return Importer.load(files: files, origin: "variant")
}

/// Every VPN connection changed by `change`.
private func connections(_ change: @escaping (inout [String: Any]) -> Void) -> (Any) -> Any {
    { object in
        var root = object as! [String: Any]
        root["VpnConnections"] = (root["VpnConnections"] as! [[String: Any]]).map { c in
            var c = c
            change(&c)
            return c
        }
        return root
    }
}

/// The tour: each step fits the 76×12 panel at 80×24 and says what the review asked, on the
/// example and on variants of it.
@Suite struct TourTextTests {
    /// Lines a step takes in the panel: its wrapped paragraphs and a blank line between them.
    static func lines(_ step: Tour.Step) -> Int {
        step.text.reduce(0) { $0 + Wrap.lines($1, width: Tour.panelWidth).count } + step.text.count - 1
    }

    static func expectFits(_ model: NetworkModel, _ name: String) {
        for step in Tour.steps(for: model, findings: Analysis(model: model).findings) {
            #expect(lines(step) <= Tour.maxLines, "\(name): \"\(step.title)\" takes \(lines(step)) lines")
            #expect(step.text.allSatisfy { !$0.isEmpty }, "\(name): \"\(step.title)\" has an empty paragraph")
        }
    }

    @Test func everyStepFitsThePanelAt80x24() {
        Self.expectFits(ExampleNetwork.load().model, "example")
        Self.expectFits(example(removing: ["gcp-"]).model, "AWS only")
        Self.expectFits(example(removing: ["aws-"]).model, "GCP only")
        Self.expectFits(
            example(editing: [
                "describe-vpn-connections.json": connections { c in
                    c["Tags"] = []
                    c["VgwTelemetry"] = (c["VgwTelemetry"] as? [[String: Any]] ?? []).map { t in
                        var t = t
                        t["Status"] = "DOWN"
                        return t
                    }
                }
            ]).model, "every tunnel down, no names")
    }

    @Test func everyStepIsDrawnWholeAt80x24() throws {
        // Drawn: the panel grows with its text; the last words of every step are on screen.
        let result = ExampleNetwork.load()
        let steps = Tour.steps(for: result.model, findings: Analysis(model: result.model).findings)
        for (i, step) in steps.enumerated() {
            var state = AppState(result: result, width: 80, height: 24, screen: .tour)
            for _ in 0..<i { Reducer.reduce(&state, .tourNext) }
            let frame = ScreenRenderer.render(state).plainText
            let lastParagraph = try #require(step.text.last)
            let lastWords = try #require(Wrap.lines(lastParagraph, width: Tour.panelWidth).last)
            #expect(frame.contains(lastWords), "step \(i + 1) \"\(step.title)\" is cut:\n\(frame)")
        }
    }

    @Test func keysSayWhatTheyDoInsideTheTour() throws {
        let welcome = try #require(Tour.steps(for: ExampleNetwork.load().model).first)
        let text = welcome.text.joined(separator: " ")
        #expect(text.contains("n or →") && text.contains("p or ←") && text.contains("Esc leaves the tour"))
        #expect(
            text.contains("on the map, the arrow keys move, Enter opens a box"),
            "arrows and Enter are for the map, after the tour")
        #expect(!text.contains("Move with the arrow keys, open a box with Enter"))
    }

    @Test func lessonsAreAttributedAndTheRuleIsOurs() throws {
        let steps = Tour.steps(for: ExampleNetwork.load().model)
        // Told as what happened to a team, not as this network's history (TourFactsTests ties it to the network).
        let attach = try #require(steps.first { $0.title.hasPrefix("Where VPNs attach") }).text.joined(separator: " ")
        #expect(
            attach.contains(
                "when a team moved its VPN from a VGW to a TGW, Cloud Router recomputed its BGP routes: about 40 s of outage"
            ))
        let custom = try #require(steps.first { $0.title.hasPrefix("Custom-mode") }).text.joined(separator: " ")
        #expect(custom.contains("Our rule") && custom.contains("keeps the address plan under control"))
        #expect(custom.contains("10.128.0.0/9") && !custom.contains("must be custom mode"))
    }

    @Test func theMappingAndTheDownTunnelsUseNames() throws {
        let steps = Tour.steps(for: ExampleNetwork.load().model)
        let mapping = try #require(steps.first { $0.title.hasPrefix("How the") }).text.joined(separator: " ")
        #expect(
            mapping.contains(
                "to-gcp-if0 uses HA interface 0 (peer interfaces 0 and 1); to-gcp-if1 uses HA interface 1 (peer interfaces 2 and 3)"
            ))
        #expect(!mapping.contains("Connection A"))
        let model = ExampleNetwork.load().model
        let down = try #require(
            Tour.steps(for: model, findings: Analysis(model: model).findings).first {
                $0.title == "What is down right now"
            }
        ).text.joined(separator: " ")
        #expect(down.contains("IPsec: 1 tunnel of 6 down (tunnel-down): to-gcp-if0 #2 ⇄ aws-tunnel-1."))
        #expect(!down.contains("vpn-0aa11bb22cc33dd44"))
    }

    @Test func withoutConnectionNamesTheMappingSaysAAndB() throws {
        let model = example(editing: ["describe-vpn-connections.json": connections { $0["Tags"] = [] }]).model
        let mapping = try #require(Tour.steps(for: model).first { $0.title.hasPrefix("How the") }).text.joined(
            separator: " ")
        #expect(
            mapping.contains("connection A uses HA interface 0") && mapping.contains("connection B uses HA interface 1")
        )
    }

    @Test func stepsWhoseSubjectIsMissingAreLeftOut() {
        let awsOnly = Tour.steps(for: example(removing: ["gcp-"]).model).map(\.title)
        #expect(
            !awsOnly.contains {
                $0.hasPrefix("The GCP view") || $0.hasPrefix("Shared VPC") || $0.hasPrefix("Peered services")
            })
        let gcpOnly = Tour.steps(for: example(removing: ["aws-"]).model).map(\.title)
        #expect(
            !gcpOnly.contains {
                $0.hasPrefix("The AWS view") || $0.hasPrefix("The AWS hub") || $0.hasPrefix("Where VPNs attach")
            })
    }
}

/// `render`, `path` and the explorer's messages, through the built binary.
@Suite struct CommandArgumentTests {
    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try BinaryRunner.run(BinaryRunner.tunnelscopeURL(), args, timeout: 60)
    }

    @Test func aTourStepOutOfRangeIsAnError() throws {
        let past = try run(["render", "--view", "tour", "--step", "13"])
        #expect(past.status == 2 && past.stdout.isEmpty)
        #expect(past.stderr.contains("--step 13") && past.stderr.contains("12 steps"))
        #expect(try run(["render", "--view", "tour", "--step", "0"]).status == 2)
        let last = try run(["render", "--view", "tour", "--step", "12"])
        #expect(last.status == 0 && last.stdout.contains("Tour 12/12"))
        let elsewhere = try run(["render", "--view", "aws", "--step", "2"])
        #expect(elsewhere.status == 2 && elsewhere.stderr.contains("only to --view tour"))
    }

    @Test func detailNeedsSelect() throws {
        let bare = try run(["render", "--view", "detail"])
        #expect(bare.status == 2 && bare.stdout.isEmpty && bare.stderr.contains("--view detail needs --select"))
        let selected = try run(["render", "--view", "detail", "--select", "aws-tunnel-1"])
        #expect(selected.status == 0 && !selected.stdout.contains("Unknown element"))
    }

    @Test func withoutATerminalTheTourPointsToRender() throws {
        for args in [["tour"], []] {
            let result = try run(args)
            #expect(result.status == 2)
            #expect(
                result.stderr.contains("needs a terminal") && result.stderr.contains("tunnelscope render --view tour"),
                "\(args)")
        }
    }

    @Test func aPathToTheOtherCopyOfAnOverlapIsNotReachable() throws {
        let result = try run(["path", "10.10.1.10", "orders-cache"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "▲ reaches AWS VPC shared-services (vpc-0c33cc33cc33cc330) instead of Memorystore orders-cache"))
        #expect(result.stdout.contains("(overlapping ranges)") && !result.stdout.contains("● reachable both ways"))
        let fine = try run(["path", "10.10.1.10", "10.100.16.5"])
        #expect(fine.status == 0 && fine.stdout.contains("● reachable both ways"))
    }

    @Test func pathLinesSayWhereThePathEnds() throws {
        let analysis = Analysis(model: ExampleNetwork.load().model)
        let spans = PathLines.spans(try analysis.path(from: "10.10.1.10", to: "orders-cache"))
        #expect(
            spans[2].text.hasPrefix("▲ reaches AWS VPC shared-services")
                && spans[2].text.hasSuffix("(overlapping ranges)"))
        #expect(!spans.contains { $0.text.contains("reachable both ways") })
    }
}
