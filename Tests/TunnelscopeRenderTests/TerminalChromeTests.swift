import Testing
import TunnelscopeCanvas
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeText

@testable import TunnelscopeRender

/// The terminal follow-ups of the explorer that do not need a terminal: the breadcrumb keeps
/// the current place, the help lists every key of every mode without cutting any, a resize is
/// applied whatever mode is open, Ctrl-C quits as an interrupt, overlays keep off pane titles.
@Suite struct TerminalChromeTests {
    static func lines(_ state: AppState) -> [String] {
        Screens.frame(state).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theBreadcrumbDropsPlacesFromTheLeftAndKeepsWhereYouAre() {
        var state = Screens.state(width: 80, height: 24, screen: .aws)
        let tgw = "tgw-0a1b2c3d4e5f60718"
        for id in [tgw, "vpn-0aa11bb22cc33dd44", "cgw-0c1c2c3c4c5c6c7c8", "vpn-0aa11bb22cc33dd44", "tunnel/52.1.20.22"]
        {
            Reducer.push(&state, .detail(id))
        }
        #expect(state.navigation.stack.count == 7, "\(state.navigation.stack)")
        let crumb = Self.lines(state)[1].trimmingCharacters(in: .whitespaces)
        #expect(crumb.hasPrefix("… › "), "\(crumb)")
        #expect(crumb.hasSuffix("VPN to-gcp-if0 › to-gcp-if0 tunnel 2"), "\(crumb)")
        #expect(DisplayWidth.of(crumb) <= 79)
        // Wide enough: nothing dropped.
        Reducer.reduce(&state, .resize(width: 200, height: 60))
        let wide = Self.lines(state)[1].trimmingCharacters(in: .whitespaces)
        #expect(wide.hasPrefix("Topology › AWS view › TGW hub-tgw › VPN to-gcp-if0"), "\(wide)")
    }

    @Test func oneLongPlaceKeepsItsEnd() {
        let spans = Chrome.breadcrumbSpans(
            ["Topology", "VPC " + String(repeating: "x", count: 90) + "-end"], width: 40)
        let text = spans.map(\.text).joined()
        #expect(text.hasPrefix("… › …"), "\(text)")
        #expect(text.hasSuffix("x-end"), "\(text)")
        #expect(DisplayWidth.of(text) == 40, "\(text)")
    }

    /// At 80×24 and the minimum size the help scrolls; read it to the end: every binding's keys and its whole help
    /// text are there (wrapped, never cut with "…").
    @Test(arguments: [(80, 24), (60, 16)])
    func theHelpListsEveryBindingOfEveryModeUncut(width: Int, height: Int) {
        var state = Screens.state(width: width, height: height)
        Screens.apply(&state, keys: [.character("?")])
        var seen: [Int: String] = [:]
        var previous = -1
        while state.navigation.helpScroll != previous {
            previous = state.navigation.helpScroll
            // The inside of the help's box, read from the cells.
            let buffer = ScreenRenderer.render(state)
            let box = HelpOverlay.frame(Layout(width: width, height: height, screen: state.screen).body).inner
            let inner = (box.y..<box.maxY).map { y in
                (box.x..<box.maxX).map { buffer[$0, y].isContinuation ? "" : buffer[$0, y].text }.joined()
            }
            for (i, line) in inner.enumerated() { seen[state.navigation.helpScroll + i] = line }
            Screens.apply(&state, keys: [.pageDown])
        }
        let read = seen.sorted { $0.key < $1.key }.map(\.value)
        #expect(
            read.count == HelpOverlay.frame(Layout(width: width, height: height, screen: .topology).body).lines.count)
        #expect(!read.joined().contains("…"), "a help line is cut")
        let text = read.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        for binding in Keymap.bindings {
            let help = binding.help.split(separator: " ").joined(separator: " ")
            #expect(text.contains(help), "help is missing \"\(binding.help)\"")
        }
        for scope in Binding.Scope.allCases { #expect(text.contains(scope.rawValue), "\(scope)") }
        #expect(text.contains("Ctrl-C") && text.contains("Ctrl-Z") && text.contains("Bksp"))
    }

    @Test func theKeysOfTheModesComeFromTheKeymap() {
        var state = Screens.state()
        Screens.apply(&state, keys: [.character("?")])
        for binding in Keymap.bindings where binding.scope == .help {
            for key in binding.keys { #expect(Reducer.action(for: key, in: state) != nil, "\(key) in help") }
        }
        Screens.apply(&state, keys: [.escape, .character("/")])
        for binding in Keymap.bindings where binding.scope == .input {
            for key in binding.keys { #expect(Reducer.action(for: key, in: state) != nil, "\(key) in a prompt") }
        }
    }

    @Test(arguments: ["help", "search", "command", "tour"])
    func aResizeIsAppliedInEveryMode(mode: String) {
        var state = Screens.state(width: 80, height: 24)
        switch mode {
        case "help": Screens.apply(&state, keys: [.character("?")])
        case "search": Screens.apply(&state, keys: [.character("/")] + Screens.type("hub"))
        case "command": Screens.apply(&state, keys: [.character(":")] + Screens.type("fail"))
        default: Screens.apply(&state, keys: [.character("t"), .character("n")])
        }
        let before = Self.lines(state)
        Reducer.reduce(&state, .resize(width: 120, height: 40))
        let after = Self.lines(state)
        #expect(state.width == 120 && state.height == 40)
        #expect(after.count == 40 && after.allSatisfy { DisplayWidth.of($0) <= 120 })
        #expect(after != before)
        // The mode is still open, drawn at the new size.
        switch mode {
        case "help": #expect(state.navigation.helpVisible && after.contains { $0.contains("Keys · ? or Esc closes") })
        case "search": #expect(after.contains { $0.contains(" /  hub") })
        case "command": #expect(after.contains { $0.contains(" :  fail") })
        default: #expect(state.screen == .tour && after[1].contains("step 2 of"))
        }
        // The frame behind the help is the one of the new size (the same as with help closed).
        if mode == "help" {
            Screens.apply(&state, keys: [.escape])
            var fresh = Screens.state(width: 120, height: 40)
            Screens.apply(&fresh, keys: [])
            #expect(Self.lines(state) == Self.lines(fresh))
        }
    }

    @Test func ctrlCQuitsAsAnInterruptInEveryMode() {
        var state = Screens.state()
        for setup: [Key] in [[], [.character("?")], [.character("/")], [.character(":")]] {
            var s = state
            Screens.apply(&s, keys: setup)
            let action = Reducer.action(for: .control("c"), in: s)
            #expect(action.map { Reducer.reduce(&s, $0) } == [.interrupt], "after \(setup)")
        }
        #expect(Reducer.reduce(&state, .quit) == [.quit])
    }

    /// "↓ N more lines" of the side by side goes on the rule under the pane titles.
    @Test(arguments: [(60, 16), (80, 24)])
    func overlaysKeepOffPaneTitles(width: Int, height: Int) {
        let state = Screens.state(width: width, height: height, screen: .split)
        let lines = Self.lines(state)
        let titles = lines[2]
        #expect(titles.contains("AWS ·") && titles.contains("GCP ·"), "\(titles)")
        #expect(!titles.contains("more"), "\(titles)")
        if height == 16 { #expect(lines[3].contains("more lines"), "\(lines[3])") }
    }

    /// The map's scroll hint shares the breadcrumb line: where you are (the tour's step) wins.
    @Test(arguments: [(60, 16), (80, 24), (200, 60)])
    func theMapsScrollHintNeverCutsTheBreadcrumb(width: Int, height: Int) {
        var state = Screens.state(width: width, height: height)
        Screens.apply(&state, keys: [.character("t")] + Array(repeating: .character("n"), count: 4))
        let crumb = Self.lines(state)[1]
        #expect(crumb.contains("Tour  step 5 of "), "\(crumb)")
        if crumb.contains("more") { #expect(crumb.contains(" ↑ more above") || crumb.contains(" ↓ more below")) }
    }

    /// `y` asks the app to copy the selected element's command, the side in view for a tunnel;
    /// the app's answer becomes the message.
    @Test func yCopiesTheCommandOfTheSelection() {
        var state = Screens.state(screen: .aws)
        #expect(state.selectedElement == "tgw-0a1b2c3d4e5f60718")
        let tgw = "aws ec2 describe-transit-gateways --transit-gateway-ids=tgw-0a1b2c3d4e5f60718 --region=us-east-1"
        #expect(Reducer.reduce(&state, .copyCommand) == [.copy(tgw)])
        Reducer.reduce(&state, .copied(tgw, .sent(viaTmux: false)))
        #expect(Self.lines(state)[22].contains("copied: aws ec2 describe-transit-gateways"))
        Reducer.reduce(&state, .copied(tgw, .unavailable("TERM=dumb has no clipboard")))
        #expect(Self.lines(state)[22].contains("Not copied (TERM=dumb has no clipboard)"))

        var gcp = Screens.state(screen: .gcp)
        Screens.apply(&gcp, keys: [.character("/")] + Screens.type("aws-tunnel-1") + [.enter, .character("3")])
        let effects = Reducer.reduce(&gcp, .copyCommand)
        #expect(
            effects == [
                .copy("gcloud compute vpn-tunnels describe aws-tunnel-1 --region=us-east4 --project=net-host-prj")
            ], "\(gcp.selectedElement ?? "-")")
        var aws = gcp
        Screens.apply(&aws, keys: [.character("2")])
        #expect(
            Reducer.reduce(&aws, .copyCommand) == [
                .copy("aws ec2 describe-vpn-connections --vpn-connection-ids=vpn-0aa11bb22cc33dd44 --region=us-east-1")
            ])

        // A VPC has no live-state command here: a message says which elements have one.
        var vpc = Screens.state(screen: .detail("vpc-0a11aa11aa11aa110"))
        Reducer.push(&vpc, .detail("vpc-0a11aa11aa11aa110"))
        #expect(Reducer.reduce(&vpc, .copyCommand).isEmpty)
        #expect(Self.lines(vpc)[22].contains("No live command for this"), "\(Self.lines(vpc)[22])")
    }
}
