import Testing
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeRender

/// The header, the incident summary, the what-if panel, the what-if marks and the side by side's
/// field-level disagreement, read off rendered screens.
@Suite struct ImpactViewsTests {
    static let connectionA = "vpn-0aa11bb22cc33dd44"
    static let connectionB = "vpn-0bb22cc33dd44ee55"
    let healthy = Variants.load(Variants.healthyEdits)

    @Test func whatIfMarksReadWithoutColour() {
        // Shape: failed, taken down and down are three different glyphs.
        #expect(Set([Mark.failed.text, Mark.lost.text, Mark.down.text, Mark.up.text]).count == 4)
        // Colour and, without colour, attributes differ from down's too.
        #expect(Mark.failed.style.role == .whatIf && Mark.lost.style.role == .whatIf)
        #expect(Palette.colors(.whatIf) != Palette.colors(.error))
        #expect(Palette.monochrome(.whatIf) != Palette.monochrome(.error))
        #expect(Palette.monochrome(.whatIf) != Palette.monochrome(.failed))
    }

    @Test func failingAConnectionMarksBothItsTunnelsAndOpensThePanel() {
        var state = Screens.state(healthy, screen: .aws)
        Screens.apply(&state, keys: [.character(":")] + Screens.type("fail \(Self.connectionA)") + [.enter])
        let frame = Screens.frame(state)
        let lines = frame.split(separator: "\n").map(String.init)
        // The connection is failed; both of its tunnels are taken down with it, in every view.
        #expect(lines.contains { $0.contains("VPN to-gcp-if0") && $0.contains("⊘ FAILED (what-if)") }, "\(frame)")
        let tunnels = lines.filter { $0.contains("3.210.10.11") || $0.contains("52.1.20.22") }
        #expect(tunnels.count == 2 && tunnels.allSatisfy { $0.contains("↯") }, "\(tunnels)")
        // The panel: what fails with it, what survives, the link's next single points of failure.
        #expect(frame.contains("─ What-if ─"))
        #expect(
            frame.contains("↯ Fails with it: to-gcp-if0 #1 ⇄ aws-tunnel-0, to-gcp-if0 #2 ⇄ aws-tunnel-1"), "\(frame)")
        #expect(frame.contains("Survives: 2 of 4 cross-cloud tunnels carry routes"))
        #expect(frame.contains("next single failure"))
        // The header states the impact after the failure.
        #expect(lines[0].contains("WHAT-IF") && lines[0].contains("2/4 carry"), "\(lines[0])")
        Screens.apply(&state, keys: [.character("3")])
        let gcp = Screens.frame(state)
        #expect(gcp.contains("↯ aws-tunnel-0") && gcp.contains("↯ aws-tunnel-1"), "\(gcp)")
    }

    @Test func failingTheWholeLinkMarksSitesAndProjectsCutOff() {
        var state = Screens.state(width: 200, height: 60, screen: .gcp)
        Screens.apply(
            &state, keys: [.character(":")] + Screens.type("fail \(Self.connectionA)") + [.enter])
        Screens.apply(
            &state, keys: [.character(":")] + Screens.type("fail \(Self.connectionB)") + [.enter])
        let gcp = Screens.frame(state)
        #expect(
            gcp.contains("↯ loses AWS and on-prem (what-if)"), "the host project's network is cut off from AWS:\n\(gcp)"
        )
        #expect(gcp.contains("Cut off: site Frankfurt DC (loses GCP)"), "\(gcp)")
        #expect(gcp.contains("0 of 4 cross-cloud tunnels carry routes"))
        #expect(!gcp.contains("No prefix loses its path"))
        // F clears every mark and the panel.
        Screens.apply(&state, keys: [.character("F")])
        let cleared = Screens.frame(state)
        #expect(!cleared.contains("↯") && !cleared.contains("⊘") && !cleared.contains("What-if ─"))
    }

    @Test func theIncidentSummaryNeedsATallScreenAndWHidesIt() {
        var short = Screens.state()
        #expect(short.layout.panel == nil && !Screens.frame(short).contains("Incident summary"))
        var tall = Screens.state(width: 160, height: 48)
        let frame = Screens.frame(tall)
        #expect(frame.contains("─ Incident summary ─"))
        #expect(frame.contains("✖ to-gcp-if0 #2 ⇄ aws-tunnel-1 DOWN  IPsec AWS DOWN, GCP UP"), "\(frame)")
        #expect(frame.contains("up on 3 of 4 tunnels · no single failure cuts it"))
        Screens.apply(&tall, keys: [.character("w")])
        #expect(!Screens.frame(tall).contains("Incident summary"))
        Screens.apply(&short, keys: [.character("w")])
        #expect(short.prompt.message != nil, "w where there is no panel says why")
    }

    @Test func theSideBySideShowsTheSelectedTunnelFieldByField() throws {
        var state = Screens.state(width: 160, height: 48, screen: .split)
        // Select the tunnel whose ends disagree on IPsec (52.1.20.22).
        for _ in 0..<10 where state.selectedElement != "tunnel/52.1.20.22" {
            Screens.apply(&state, keys: [.down])
        }
        #expect(state.selectedElement == "tunnel/52.1.20.22")
        let lines = Screens.frame(state).split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.contains("Selected tunnel") })
        let detail = lines[start...]
        let ipsec = try #require(detail.first { $0.contains(" IPsec ") })
        #expect(ipsec.contains("DOWN") && ipsec.contains("≠") && ipsec.contains("ESTABLISHED"), "\(ipsec)")
        let outside = try #require(detail.first { $0.contains("outside IP") })
        #expect(!outside.contains("≠"), "layers that agree are not marked: \(outside)")
        #expect(detail.contains { $0.contains("advertises") } && detail.contains { $0.contains("learns") })
        // Short screens keep the whole body for the list.
        let small = Screens.frame(Screens.state(screen: .split))
        #expect(!small.contains("Selected tunnel"))
    }
}

/// `f` on something the what-if cannot fail (a GCP subnet's detail) says why and fails nothing.
@Suite struct FailSelectedTests {
    @Test func anElementThatCannotFailIsNotAddedToTheWhatIf() throws {
        var state = Screens.state(width: 120, height: 40, screen: .gcp)
        let subnet = try #require(state.model.gcpSubnets.first).ref.id
        Reducer.reduce(&state, .show(.detail(subnet)))
        #expect(state.focusElement == subnet)
        Screens.apply(&state, keys: [.character("f")])
        #expect(state.whatIf.failed.isEmpty)
        #expect(state.prompt.message?.text.contains("do not fail on their own") == true)
        // A tunnel fails, and f again on it clears it.
        Screens.apply(&state, keys: [.escape])
        let rows = Array(state.rows(for: .gcp))
        let tunnel = try #require(rows.first { $0.elementId.map { state.model.tunnel($0) != nil } ?? false }?.elementId)
        Reducer.reduce(&state, .select(tunnel))
        Screens.apply(&state, keys: [.character("f")])
        #expect(state.whatIf.failed == [tunnel])
        Screens.apply(&state, keys: [.character("f")])
        #expect(state.whatIf.failed.isEmpty)
    }
}
