import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeModel
import TunnelscopeRender
import TunnelscopeTestSupport

/// Every element visible in any view is in the one element directory, so it can be selected
/// (`--select`, search), failed (`f`, `:fail`, `--fail`, when it is something that can fail) and
/// used as a path end (when it has addresses).
@Suite struct ElementDirectoryTests {
    static let networks: [(String, LoadResult)] = [
        ("example", ExampleNetwork.load()), ("healthy", FixtureNetworks.healthy),
    ]

    @Test(arguments: [0, 1]) func everyVisibleElementIsInTheDirectory(network: Int) {
        let (name, result) = Self.networks[network]
        var state = Screens.state(result, width: 200, height: 60)
        Screens.apply(&state, keys: [.character("e")])
        let directory = state.analysis.directory
        var visible = Set<String>()
        for rows in [state.content.aws, state.content.gcp, state.content.splitRows, Array(state.rows(for: .findings))] {
            visible.formUnion(rows.compactMap(\.elementId))
        }
        visible.formUnion(state.topology.bands.flatMap(\.nodes).compactMap(\.elementId))
        #expect(visible.count > 20)
        let missing = visible.filter { directory.entry($0) == nil }
        #expect(missing.isEmpty, "\(name): shown but not in the directory: \(missing.sorted())")
    }

    @Test(arguments: [0, 1]) func everyEntryCanBeSelectedFailedAndUsedAsAPathEnd(network: Int) throws {
        let (name, result) = Self.networks[network]
        let analysis = Analysis(model: result.model, report: result.report)
        let state = Screens.state(result, width: 120, height: 40)
        let searchable = Set(state.content.search.entries.map(\.elementId))
        let target = try #require(result.model.gcpSubnets.first?.ref.id)
        var failed = 0
        var paths = 0
        for entry in analysis.directory.entries {
            #expect(
                analysis.directory.resolve(entry.id).entry?.id == entry.id,
                "\(name): \(entry.id) does not resolve to itself")
            #expect(searchable.contains(entry.id), "\(name): search does not know \(entry.id)")
            switch analysis.resolve(entry.id) {
            case .found(let element):
                #expect(
                    element.id == entry.id || entry.kind == .tgwAttachment,
                    "\(name): \(entry.id) fails as \(element.id)")
                #expect(analysis.whatIf(failing: [entry.id]).failed.count == 1)
                failed += 1
            case .notFailable:
                #expect(
                    [.subnet, .gcpSubnet, .redis, .tgwRouteTable, .routeTable, .project].contains(entry.kind),
                    "\(name): \(entry.id)")
            default: Issue.record("\(name): \(entry.id) neither fails nor says why")
            }
            guard !entry.ranges.isEmpty, entry.kind != .tunnel else { continue }
            #expect(throws: Never.self, "\(name): \(entry.id) as a path end") {
                _ = try analysis.path(from: entry.id, to: target)
            }
            paths += 1
        }
        #expect(failed > 20 && paths > 10, "\(name): \(failed) failable, \(paths) path ends")
    }

    @Test func namesAsShownResolve() throws {
        let analysis = Analysis(model: FixtureNetworks.healthy.model)
        #expect(
            analysis.directory.resolve("Core services").entry?.id == "vpc-054dc93a45abc5891", "the annotation label")
        #expect(analysis.directory.resolve("dublin").entry?.kind == .site, "a word of a site's name")
        #expect(
            analysis.directory.resolve("galway-lab").entry?.kind == nil,
            "a customer gateway and an inferred site share the name: ambiguous")
        #expect(try analysis.path(from: "Cork branch", to: "ew1-apps").reachable)
        #expect(analysis.resolve("tvif-dublin-dc").element?.kind == .virtualInterface)
        #expect(analysis.resolve("rt-spokes").description.contains("TGW route table"))
    }
}
