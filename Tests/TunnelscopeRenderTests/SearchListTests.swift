import Testing
import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeImport
import TunnelscopeSynthetic

@testable import TunnelscopeRender

/// `/` as a results list: it narrows while the query is typed (incrementally, in bounded steps),
/// moves with ↑/↓, opens with Enter and cancels with Esc; `n`/`N` then step through the results
/// without a breadcrumb per step.
@Suite struct SearchListTests {
    static let large = Importer.load(
        files: SyntheticNetwork(vpcs: 2000, realistic: true).files(), origin: "synthetic 2000 VPCs")

    @Test func theListNarrowsAsTheQueryIsTyped() {
        var state = Screens.state()
        Screens.apply(&state, keys: [.character("/")])
        #expect(Screens.frame(state).contains("Search  type a name, ID, IP or CIDR"))
        var counts: [Int] = []
        for c in "aws-tunnel-3" {
            Screens.apply(&state, keys: [.character(c)])
            counts.append(state.prompt.searchTyping?.matches.count ?? -1)
        }
        #expect(counts == counts.sorted(by: >), "each key lists no more than the one before")
        #expect(counts.first! > counts.last! && counts.last! > 0)
        let frame = Screens.frame(state)
        #expect(frame.contains("Search  \(counts.last!) match\(counts.last! == 1 ? "" : "es") for 'aws-tunnel-3'"))
        #expect(!frame.contains("1/"), "a list, not a counter")
        // Backspace widens it again.
        Screens.apply(&state, keys: [.backspace, .backspace])
        #expect(state.prompt.searchTyping?.matches.count == counts[counts.count - 3])
    }

    @Test func rowsShowKindNameIDAndWhere() throws {
        var state = Screens.state(width: 160, height: 48)
        let vpc = try #require(state.model.vpcs.first { $0.name != nil && $0.accountId != nil && $0.region != nil })
        let name = try #require(state.analysis.directory.entry(vpc.id)?.name)
        #expect(name != vpc.id)
        Screens.apply(&state, keys: [.character("/")] + Screens.type(name))
        let frame = Screens.frame(state)
        let line = try #require(frame.split(separator: "\n").first { $0.contains(vpc.id) })
        #expect(line.contains("AWS VPC") && line.contains(name))
        #expect(line.contains("aws \(vpc.accountId!) \(vpc.region!)"))
        Screens.apply(&state, keys: [.escape, .character("/")] + Screens.type("cr-aws"))
        let router = try #require(Screens.frame(state).split(separator: "\n").first { $0.contains("Cloud Router") })
        #expect(router.contains("routers/cr-aws") && router.contains("gcp net-host-prj us-east4"))
    }

    @Test func arrowsSelectAndEnterOpensTheSelectedResult() throws {
        var state = Screens.state(screen: .aws)
        Screens.apply(&state, keys: [.character("/")] + Screens.type("aws-tunnel"))
        let results = try #require(state.prompt.searchTyping)
        #expect(results.matches.count >= 4)
        Screens.apply(&state, keys: [.down, .down, .up, .down])
        #expect(state.prompt.searchTyping?.selected == 2)
        let chosen = state.content.search.entries[results.matches[2]].elementId
        #expect(
            TestFrames.selectedLine(Screens.frame(state))?.contains(chosen.components(separatedBy: "/").last!) == true)
        Screens.apply(&state, keys: [.enter])
        #expect(state.prompt.input == nil && state.prompt.searchTyping == nil)
        #expect(state.selectedElement == chosen)
        #expect(state.prompt.message?.text.hasPrefix("Result 3 of \(results.matches.count)") == true)
        // n and N step from there.
        Screens.apply(&state, keys: [.character("n")])
        #expect(state.selectedElement == state.content.search.entries[results.matches[3]].elementId)
        Screens.apply(&state, keys: [.character("N"), .character("N")])
        #expect(state.selectedElement == state.content.search.entries[results.matches[1]].elementId)
    }

    @Test func escCancelsWithoutMoving() {
        var state = Screens.state(screen: .gcp)
        Screens.apply(&state, keys: [.down, .down])
        let before = (state.navigation.stack, state.selectedElement)
        Screens.apply(&state, keys: [.character("/")] + Screens.type("vpc") + [.down, .escape])
        #expect(state.prompt.input == nil && state.prompt.searchTyping == nil)
        #expect(state.navigation.stack == before.0 && state.selectedElement == before.1)
        #expect(!Screens.frame(state).contains("Search "))
    }

    @Test func stepsDoNotGrowTheBreadcrumbs() {
        var state = Screens.state(screen: .aws)
        // BGP sessions have no row of their own: each opens its detail.
        Screens.apply(&state, keys: [.character("/")] + Screens.type("peer-aws-tunnel") + [.enter])
        let depth = state.navigation.stack.count
        var seen = Set<String>()
        for _ in 0..<12 {
            Screens.apply(&state, keys: [.character("n")])
            #expect(state.navigation.stack.count <= depth, "n is a step, not a navigation")
            seen.insert(state.focusElement ?? "")
        }
        #expect(seen.count >= 4, "n went through the results")
        Screens.apply(&state, keys: [.escape])
        #expect(state.navigation.stack.count == depth - 1)
    }

    /// On a large network a query is answered in bounded steps: the first batch, "1,000+", and
    /// more as the list is scrolled; narrowing gives what a whole search gives.
    @Test func largeNetworksAreSearchedInBoundedSteps() {
        var state = AppState(result: Self.large, width: 80, height: 24)
        let index = state.content.search
        #expect(index.entries.count > 4 * SearchResults.batch)
        Screens.apply(&state, keys: [.character("/"), .character("v")])
        let first = try! #require(state.prompt.searchTyping)
        #expect(first.matches.count == SearchResults.batch && !first.complete)
        #expect(Screens.frame(state).contains("1,000+ matches for 'v'"))
        // Paging past the batch gathers more.
        for _ in 0..<60 { Screens.apply(&state, keys: [.pageDown]) }
        #expect((state.prompt.searchTyping?.matches.count ?? 0) > SearchResults.batch)
        #expect(state.prompt.searchTyping!.selected > SearchResults.batch - 10)
        // Narrowed step by step, the results are a whole search's.
        var narrowed: SearchResults?
        for query in ["v", "vp", "vpc", "vpc-", "vpc-0", "vpc-00", "vpc-001", "vpc-0012"] {
            var results = SearchResults(query, in: index, previous: narrowed)
            var whole = results
            whole.reach(Int.max - 1, in: index)
            #expect(whole.complete)
            let all = index.search(query).map(\.elementId)
            #expect(whole.matches.count == all.count, "\(query)")
            #expect(Set(whole.matches.map { index.entries[$0].elementId }) == Set(all), "\(query)")
            #expect(results.matches.prefix(20).map { index.entries[$0].elementId } == Array(all.prefix(20)), "\(query)")
            results.reach(0, in: index)
            narrowed = results
        }
    }

    /// The element whose ID or name is the query comes first, before elements that only mention it.
    @Test func anExactIDOrNameComesFirst() throws {
        var state = Screens.state()
        let connection = try #require(state.model.vpnConnections.first).id
        Screens.apply(&state, keys: [.character("/")] + Screens.type(connection))
        let results = try #require(state.prompt.searchTyping)
        #expect(results.matches.count > 1, "its tunnels name it too")
        #expect(state.content.search.entries[results.matches[0]].elementId == connection)
        Screens.apply(&state, keys: [.enter])
        #expect(state.selectedElement == connection)
        // Starting with the query beats containing it.
        Screens.apply(&state, keys: [.character("/")] + Screens.type("vpc"))
        let kinds = state.prompt.searchTyping!.matches.map {
            state.content.search.entries[$0].elementId.hasPrefix("vpc")
        }
        #expect(kinds.first == true && kinds == kinds.sorted { $0 && !$1 })
    }

    @Test func addressesAndRangesAreListed() {
        var state = Screens.state()
        Screens.apply(&state, keys: [.character("/")] + Screens.type("10.10.0.0/16"))
        let results = state.prompt.searchTyping!
        #expect(results.complete)
        #expect(
            results.matches.map { state.content.search.entries[$0].elementId }
                == state.content.search.search("10.10.0.0/16").map(\.elementId))
        #expect(!results.isEmpty)
    }
}

enum TestFrames {
    /// The line of a frame the selection bar is on.
    static func selectedLine(_ frame: String) -> String? {
        frame.split(separator: "\n").first { $0.contains("▌") }.map(String.init)
    }
}
