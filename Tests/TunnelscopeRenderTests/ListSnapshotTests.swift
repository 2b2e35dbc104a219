import Testing
import TunnelscopeImport
import TunnelscopeRender
import TunnelscopeSynthetic

/// The grouped findings (collapsed, one rule unfolded, filtered) and the search list while it is
/// typed, at 80×24 and 160×48.
@Suite struct ListSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]
    static let result = Importer.load(
        files: SyntheticNetwork(vpcs: 400, realistic: true).files(), origin: "synthetic 400 VPCs")

    @Test func groupedFindings() {
        for (w, h) in Self.sizes {
            var state = Screens.state(Self.result, width: w, height: h, screen: .findings)
            Snapshot.assert(Screens.frame(state), named: "findings-grouped-\(w)x\(h)")
            // The second rule unfolded, its second finding selected.
            Screens.apply(&state, keys: [.down, .enter, .down, .down])
            Snapshot.assert(Screens.frame(state), named: "findings-expanded-\(w)x\(h)")
            // Filtered while typing: errors only, text.
            Screens.apply(&state, keys: [.character("s"), .character("/")] + Screens.type("svc-3"))
            Snapshot.assert(Screens.frame(state), named: "findings-filtered-\(w)x\(h)")
        }
    }

    @Test func searchList() {
        for (w, h) in Self.sizes {
            var state = Screens.state(width: w, height: h, screen: .aws)
            Screens.apply(&state, keys: [.character("/")] + Screens.type("aws-t") + [.down, .down])
            Snapshot.assert(Screens.frame(state), named: "search-list-\(w)x\(h)")
            var large = Screens.state(Self.result, width: w, height: h)
            Screens.apply(&large, keys: [.character("/")] + Screens.type("svc-1"))
            Snapshot.assert(Screens.frame(large), named: "search-list-large-\(w)x\(h)")
        }
    }
}
