import Testing
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

@testable import TunnelscopeRender

/// The header says how old the export is (from the manifests, counted to the state's clock) and
/// warns when AWS and GCP were exported far apart; the built-in example has no time and shows none.
@Suite struct ExportAgeHeaderTests {
    static let exportedAt = Provenance.parseISO8601("2026-11-29T17:00:00Z")!
    static let now = Provenance.parseISO8601("2026-11-29T20:05:00Z")!

    static func manifest(_ cloud: String, startedAt: String, finishedAt: String) -> InputFile {
        let text = """
            {"tunnelscopeManifest": 1, "cloud": "\(cloud)", "tool": "export-\(cloud).sh",
             "startedAt": "\(startedAt)", "finishedAt": "\(finishedAt)",
             "cli": {"name": "\(cloud == "aws" ? "aws" : "gcloud")", "version": "test 1.0"},
             "accounts": [], "projects": [], "regions": [], "commands": []}
            """
        return InputFile(name: "example/\(cloud)-manifest/tunnelscope-manifest.json", bytes: Array(text.utf8))
    }

    /// The example with an AWS manifest and a GCP manifest started `gcpStart`.
    static func result(gcpStart: String, gcpEnd: String) -> LoadResult {
        Importer.load(
            files: ExampleNetwork.files + [
                manifest("aws", startedAt: "2026-11-29T17:00:00Z", finishedAt: "2026-11-29T17:02:00Z"),
                manifest("gcp", startedAt: gcpStart, finishedAt: gcpEnd),
            ], origin: "exports")
    }

    static func state(_ result: LoadResult, width: Int, height: Int) -> AppState {
        var state = Screens.state(result, width: width, height: height)
        state.now = { now }
        return state
    }

    @Test func ageFromTheManifests() {
        let result = Self.result(gcpStart: "2026-11-29T17:05:00Z", gcpEnd: "2026-11-29T17:06:00Z")
        #expect(result.report.files.allSatisfy { $0.outcome == .loaded }, "\(result.report.files)")
        #expect(result.provenance.exports.map(\.cloud) == [.aws, .gcp])
        #expect(!result.provenance.isMixedTime)
        #expect(result.provenance.ageText(now: Self.now) == "exported 3 h 5 min ago")
        for (w, h) in [(80, 24), (160, 48)] {
            let frame = Screens.frame(Self.state(result, width: w, height: h))
            let header = frame.split(separator: "\n").first.map(String.init) ?? ""
            #expect(header.contains(w == 80 ? "3 h old" : "exported 3 h 5 min ago"), "\(header)")
            #expect(!header.contains("apart"))
            Snapshot.assert(frame, named: "export-age-\(w)x\(h)")
        }
    }

    @Test func awsAndGCPExportedFarApart() {
        let result = Self.result(gcpStart: "2026-11-29T19:40:00Z", gcpEnd: "2026-11-29T19:41:00Z")
        #expect(result.provenance.gap.map { Int($0) } == 2 * 3600 + 38 * 60)
        #expect(result.provenance.isMixedTime)
        #expect(result.provenance.ageText(now: Self.now) == "exported AWS 3 h 5 min ago, GCP 25 min ago")
        for (w, h) in [(80, 24), (160, 48)] {
            let frame = Screens.frame(Self.state(result, width: w, height: h))
            let lines = frame.split(separator: "\n").map(String.init)
            #expect(lines[0].contains("▲ exported 2 h apart"), "\(lines[0])")
            // The message line says what it means.
            #expect(
                lines.contains {
                    $0.contains("▲ Exported AWS 3 h, GCP 25 min ago: mismatches may be changes in between")
                },
                "\(frame)")
            Snapshot.assert(frame, named: "export-mixed-time-\(w)x\(h)")
        }
    }

    @Test func theExampleShowsNoAge() {
        let frame = Screens.frame(Self.state(ExampleNetwork.load(), width: 160, height: 48))
        let header = frame.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("ago") && !header.contains("old") && !header.contains("≈"), "\(header)")
    }

    /// The age follows the clock: the same state an hour later is an hour older.
    @Test func theAgeIsCountedToTheInjectedClock() {
        let result = Self.result(gcpStart: "2026-11-29T17:05:00Z", gcpEnd: "2026-11-29T17:06:00Z")
        var state = Self.state(result, width: 160, height: 48)
        state.now = { Self.now + 3600 }
        let header = Screens.frame(state).split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("exported 4 h 5 min ago"), "\(header)")
    }
}
