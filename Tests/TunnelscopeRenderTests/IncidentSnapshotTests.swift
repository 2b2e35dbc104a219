import Testing
import TunnelscopeCanvas

@testable import TunnelscopeRender

/// The incident workflow's screens at 80×24, 160×48 and 200×60: the impact header and incident
/// summary, the what-if panel (one connection failed; the whole link failed), the grouped findings
/// and the side by side with its selected tunnel; and the styles of the cells whose state carries
/// meaning (down, what-if failed, lost, disagreement, selection), as a grid of role letters.
@Suite struct IncidentSnapshotTests {
    static let sizes = [(80, 24), (160, 48), (200, 60)]
    static let connectionA = "vpn-0aa11bb22cc33dd44"
    static let connectionB = "vpn-0bb22cc33dd44ee55"

    static func fail(_ state: inout AppState, _ ids: [String]) {
        for id in ids { Screens.apply(&state, keys: [.character(":")] + Screens.type("fail \(id)") + [.enter]) }
    }

    @Test func incidentHeaderAndSummary() {
        for (w, h) in Self.sizes {
            Snapshot.assert(Screens.frame(Screens.state(width: w, height: h)), named: "incident-topology-\(w)x\(h)")
        }
    }

    @Test func whatIfPanelOneConnectionAndTheWholeLink() {
        for (w, h) in Self.sizes {
            var one = Screens.state(width: w, height: h, screen: .aws)
            Self.fail(&one, [Self.connectionA])
            Snapshot.assert(Screens.frame(one), named: "whatif-one-connection-aws-\(w)x\(h)")
            var link = Screens.state(width: w, height: h)
            Self.fail(&link, [Self.connectionA, Self.connectionB])
            Snapshot.assert(Screens.frame(link), named: "whatif-link-topology-\(w)x\(h)")
            Screens.apply(&link, keys: [.character("3")])
            Snapshot.assert(Screens.frame(link), named: "whatif-link-gcp-\(w)x\(h)")
        }
    }

    @Test func groupedFindingsAndTheSplitWithItsTunnel() {
        for (w, h) in Self.sizes {
            var findings = Screens.state(width: w, height: h)
            Screens.apply(&findings, keys: [.character("5")])
            Snapshot.assert(Screens.frame(findings), named: "incident-findings-\(w)x\(h)")
            var split = Screens.state(width: w, height: h, screen: .split)
            for _ in 0..<10 where split.selectedElement != "tunnel/52.1.20.22" { Screens.apply(&split, keys: [.down]) }
            Snapshot.assert(Screens.frame(split), named: "incident-split-\(w)x\(h)")
        }
    }

    /// One letter per cell for its role (`^` where reversed: the selection), so a change of
    /// colour or attribute on a state that carries meaning shows in the diff.
    static func styles(_ buffer: CellBuffer) -> String {
        let letters: [Role: Character] = [
            .normal: " ", .dim: ".", .title: "t", .border: "-", .accent: "a", .ok: "o", .warning: "w", .error: "E",
            .info: "i", .aws: "A", .gcp: "G", .onPrem: "P", .selection: "s", .header: "h", .footer: "f", .key: "k",
            .failed: "X", .mismatch: "M", .whatIf: "W", .change: "C",
        ]
        var lines: [String] = []
        for y in 0..<buffer.height {
            var line = ""
            for x in 0..<buffer.width {
                let style = buffer[x, y].style
                line.append(style.reverse ? "^" : letters[style.role] ?? "?")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    @Test func stylesOfTheStatesThatCarryMeaning() {
        // AWS view, one connection failed: ⊘ failed, ↯ lost, ✖ down, ≠ disagreement, the selection.
        var aws = Screens.state(width: 80, height: 24, screen: .aws)
        Self.fail(&aws, [Self.connectionA])
        let buffer = ScreenRenderer.render(aws)
        Snapshot.assert(
            buffer.plainText + "\n" + Self.styles(buffer), named: "styles-whatif-one-connection-aws-80x24")
        // The side by side: disagreement and selection in both panes.
        var split = Screens.state(width: 80, height: 24, screen: .split)
        for _ in 0..<10 where split.selectedElement != "tunnel/52.1.20.22" { Screens.apply(&split, keys: [.down]) }
        let splitBuffer = ScreenRenderer.render(split)
        Snapshot.assert(splitBuffer.plainText + "\n" + Self.styles(splitBuffer), named: "styles-split-80x24")
    }
}
