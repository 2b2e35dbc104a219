import Foundation
import Testing

/// The real binary in tmux: `/` lists results that narrow with each key and Enter opens the
/// selected one; `/` on the findings screen filters the grouped findings as it is typed. Every
/// wait polls until the whole expected screen holds.
@Suite(.serialized) struct FilterListsEndToEndTests {
    let binary = BinaryRunner.tunnelscopeURL().path

    func start() throws -> TmuxSession {
        let session = try TmuxSession(width: 80, height: 24)
        try session.type("\(binary); echo EXITED=$?")
        _ = try session.wait(for: "Tunnelscope · built-in example")
        return session
    }

    /// The lines of a screen that list a search result (under the column heads).
    static func resultLines(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let heads = lines.firstIndex(where: { $0.contains("KIND") && $0.contains("WHERE") }) else { return [] }
        return lines[(heads + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    @Test func typeASearchSeeItNarrowAndOpenIt() throws {
        let session = try start()
        try session.send("/")
        try session.wait(for: "the empty search list") {
            $0.contains("Search  type a name, ID, IP or CIDR") && $0.contains("KIND")
                && $0.contains("name, ID, IP or CIDR")
        }
        try session.send("-l", "aws-t")
        // aws-tgw-peer starts with the query: it and its interfaces come before what only contains it.
        var screen = try session.wait(for: "13 results for 'aws-t', the peer gateway first and selected") {
            $0.contains("Search  13 matches for 'aws-t'") && Self.resultLines($0).count == 13
                && TmuxSession.selectedLine($0)?.contains("aws-tgw-peer") == true && $0.contains(" /  aws-t▏")
        }
        #expect(Self.resultLines(screen).filter { $0.contains("BGP session") }.count == 4)
        try session.send("-l", "unnel-3")
        screen = try session.wait(for: "the list narrowed to aws-tunnel-3's two elements") {
            $0.contains("Search  2 matches for 'aws-tunnel-3'") && Self.resultLines($0).count == 2
                && TmuxSession.selectedLine($0)?.contains("tunnel/54.80.40.44") == true
        }
        #expect(Self.resultLines(screen).contains { $0.contains("BGP session") && $0.contains("peer-aws-tunnel-3") })
        try session.send("Down")
        try session.wait(for: "the BGP session selected") {
            TmuxSession.selectedLine($0)?.contains("peer-aws-tunnel-3") == true
                && $0.contains("Search  2 matches for 'aws-tunnel-3'")
        }
        try session.send("Enter")
        screen = try session.wait(for: "the BGP session's detail, opened") {
            $0.contains("Result 2 of 2 matches: BGP session peer-aws-tunnel-3") && !$0.contains("KIND")
                && $0.contains("› BGP session peer-aws-tunnel-3 on cr-aws")
        }
        try session.send("n")
        screen = try session.wait(for: "n: the tunnel, in the side by side") {
            $0.contains("Result 1 of 2 matches") && $0.contains("Side by side")
                && TmuxSession.selectedLine($0)?.contains("54.80.40.44") == true
        }
        try session.send("q")
        _ = try session.wait(for: "EXITED=0")
    }

    @Test func filterTheFindingsAsTheyAreTyped() throws {
        let session = try start()
        try session.send("5")
        try session.wait(for: "the findings grouped by rule") {
            $0.contains("Findings  7 findings · 7 rules") && $0.contains("▾ ✖ 1  tunnel-down")
                && $0.contains("✖ Tunnel 52.1.20.22") && $0.contains("▾ ✖ 1  bgp-down")
        }
        try session.send("/")
        try session.send("-l", "overlap")
        try session.wait(for: "the rules whose findings say overlap") {
            $0.contains("Findings  2 of 7 findings · 2 rules · 'overlap'") && $0.contains("▾ ✖ 1  cidr-overlap")
                && $0.contains("▾ ▲ 1  peered-range-not-advertised") && !$0.contains("tunnel-down")
                && $0.contains("✖ Memorystore orders-cache 10.30.0.0/29")
                && $0.contains(" /  overlap▏")
        }
        try session.send("Escape")
        try session.wait(for: "the filter cleared") {
            $0.contains("Findings  7 findings · 7 rules") && $0.contains("tunnel-down") && !$0.contains("overlap▏")
        }
        try session.send("q")
        _ = try session.wait(for: "EXITED=0")
    }
}
