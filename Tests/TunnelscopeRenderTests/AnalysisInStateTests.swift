import Testing
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeRender

/// The explorer's state holds the analysis of what was loaded: findings (the load report's among
/// them), `:fail` resolution, `:path` and the Routes screen all come from it, formatted in render.
@Suite struct AnalysisInStateTests {
    /// The example with one file cut short (it no longer parses).
    static var truncated: LoadResult {
        let files = ExampleNetwork.files.map { file in
            file.name.hasSuffix("aws-111122223333/describe-subnets.json")
                ? InputFile(name: file.name, bytes: Array(#"{"Subnets": [{"SubnetId": "subnet-1","#.utf8)) : file
        }
        return Importer.load(files: files, origin: "truncated")
    }

    @Test func theStateBuildsTheAnalysisWithTheLoadReport() {
        let result = Self.truncated
        var state = Screens.state(result, screen: .findings)
        #expect(state.analysis.findings == Analysis(model: result.model, report: result.report).findings)
        #expect(state.analysis.findings.first?.rule == "incomplete-input")
        #expect(Screens.frame(state).contains("✖ 1 file could not be read"))
        // Reload: a new analysis for the new result; the incomplete input is gone with it.
        Reducer.reduce(&state, .reloaded(Reload(Screens.example, for: state)))
        #expect(!state.analysis.findings.contains { $0.rule == "incomplete-input" })
        #expect(state.analysis.findings == Analysis(model: Screens.example.model).findings)
    }

    @Test func failResolvesNamesThroughTheAnalysis() {
        var state = Screens.state()
        Screens.apply(&state, keys: [.character(":")] + Screens.type("fail aws-tunnel-3") + [.enter])
        #expect(state.whatIf.failed == ["tunnel/54.80.40.44"])
        Screens.apply(&state, keys: [.character(":")] + Screens.type("fail nosuch") + [.enter])
        #expect(state.whatIf.failed == ["tunnel/54.80.40.44"])
        #expect(state.prompt.message?.text == Resolution.unknown(query: "nosuch", suggestions: []).description)
    }

    @Test func pathIsTracedAndFormattedInRender() throws {
        var state = Screens.state()
        Screens.apply(&state, keys: [.character(":")] + Screens.type("path 10.10.1.10 orders-cache") + [.enter])
        #expect(state.screen == .routes)
        let query = try state.analysis.path(from: "10.10.1.10", to: "orders-cache")
        #expect(state.whatIf.pathQuery?.lines == PathLines.spans(query))
        Screens.apply(&state, keys: [.character(":")] + Screens.type("path 1.2.3.4 nowhere") + [.enter])
        #expect(state.whatIf.pathQuery?.lines.count == 1)
        #expect(state.whatIf.pathQuery?.lines.first?.text.hasPrefix("✖ \"nowhere\": is not an address") == true)
    }

    @Test func routesComeFromTheRouteExchangeAndTheWhatIf() {
        var state = Screens.state(width: 160, height: 48, screen: .routes)
        let routes = state.analysis.routes
        var text = state.rows(for: .routes).map(\.text)
        #expect(text.contains { $0.hasPrefix("AWS → GCP") && $0.hasSuffix("(\(routes.awsToGCP.count))") })
        #expect(text.contains { $0.hasPrefix("GCP → AWS") && $0.hasSuffix("(\(routes.gcpToAWS.count))") })
        for route in routes.awsToGCP + routes.gcpToAWS {
            #expect(text.contains { $0.contains(route.prefix.description) })
        }
        #expect(!text.contains { $0.hasPrefix("What-if") })
        Screens.apply(
            &state,
            keys: [.character(":")] + Screens.type("fail to-gcp-if0") + [.enter, .character(":")]
                + Screens.type("fail to-gcp-if1") + [.enter, .character("6")])
        let outcome = state.analysis.whatIf(failing: state.whatIf.failed)
        text = state.rows(for: .routes).map(\.text)
        #expect(text.contains { $0.hasPrefix("What-if: Failing") })
        #expect(text.contains("What-if: prefixes that lose every path (\(outcome.lostPrefixes.count))"))
        #expect(!outcome.lostPrefixes.isEmpty)
    }
}
