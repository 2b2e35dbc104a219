import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel

@testable import TunnelscopeRender

/// The tour is generated from the loaded network: the same sentence is never told of two
/// networks where it is true of one only; what is down is counted per layer from the findings;
/// the lessons are general knowledge tied to what this network has, never its history.
@Suite struct TourFactsTests {
    static func steps(_ result: LoadResult) -> [Tour.Step] {
        Tour.steps(for: result.model, findings: Analysis(model: result.model).findings)
    }

    static func text(_ result: LoadResult) -> String {
        steps(result).flatMap { [$0.title] + $0.text }.joined(separator: "\n")
    }

    static func step(_ result: LoadResult, _ title: String) throws -> String {
        try #require(steps(result).first { $0.title.hasPrefix(title) }, "no step \(title)").text.joined(separator: " ")
    }

    /// Sentences true of the example only: each must be told of the example and of no network
    /// where it is false.
    static let exampleOnly: [(sentence: String, falseIn: [String])] = [
        ("AWS (1 TGW, 3 VPCs)", ["TGW and VGW", "two TGWs", "GCP link on a VGW"]),
        (
            "Transit Gateway hub-tgw (ASN 64512) has 3 VPCs, 3 VPN connections and 1 Direct Connect gateway",
            ["TGW and VGW", "two TGWs", "GCP link on a VGW"]
        ),
        ("No VPC is attached to a virtual private gateway", ["TGW and VGW", "GCP link on a VGW"]),
        ("None of this network's 3 VPN connections is on a VGW", ["TGW and VGW", "GCP link on a VGW"]),
        ("Branch office Osaka: a site-to-site VPN (to-branch-office) on hub-tgw", ["TGW and VGW"]),
        ("2 VPN connections (to-gcp-if0 and to-gcp-if1 on hub-tgw)", ["GCP link on a VGW"]),
        ("IPsec: 1 tunnel of 6 down (tunnel-down): to-gcp-if0 #2 ⇄ aws-tunnel-1.", ["BGP down only", "all up"]),
        ("BGP: 1 session down (bgp-down): peer-aws-tunnel-1 on cr-aws", ["all up"]),
        ("then to-gcp-if0 and to-gcp-if1 on hub-tgw", ["GCP link on a VGW"]),
    ]

    static var variants: [(String, LoadResult)] {
        [
            ("TGW and VGW", MapTourVariants.tgwAndVGW()), ("two TGWs", MapTourVariants.twoTGWs()),
            ("GCP link on a VGW", MapTourVariants.gcpLinkOnVGW()),
            ("BGP down only", MapTourVariants.downTunnelRepaired(bgpUp: false)),
            ("all up", MapTourVariants.downTunnelRepaired(bgpUp: true)),
        ]
    }

    @Test func noSentenceTrueOnlyOfTheExampleIsToldOfAnotherNetwork() {
        let example = Self.text(ExampleNetwork.load())
        let others = Dictionary(uniqueKeysWithValues: Self.variants.map { ($0.0, Self.text($0.1)) })
        for (sentence, falseIn) in Self.exampleOnly {
            #expect(example.contains(sentence), "the example's tour should say: \(sentence)")
            for name in falseIn {
                #expect(others[name]?.contains(sentence) == false, "\(name) is told: \(sentence)")
            }
        }
    }

    @Test func theOtherNetworksAreToldTheirOwnFacts() throws {
        let both = MapTourVariants.tgwAndVGW()
        #expect(
            try Self.step(both, "The AWS hubs").contains(
                "On a virtual private gateway instead: data-vpc (VGW legacy-vgw)"))
        #expect(
            try Self.step(both, "The AWS hubs").contains(
                "hub-tgw (ASN 64512) has 2 VPCs, 2 VPN connections and 1 Direct Connect gateway"))
        #expect(try Self.step(both, "Where VPNs attach").contains("On a VGW here: to-branch-office on VGW legacy-vgw."))
        let sites = try Self.step(both, "2 on-prem sites")
        #expect(sites.contains("Branch office Osaka: a site-to-site VPN (to-branch-office) on VGW legacy-vgw"))
        #expect(sites.contains("Branch office Osaka is not: a VPC does not pass traffic between two gateways"))
        #expect(sites.contains("Frankfurt DC is on hub-tgw, where the VPN to GCP ends"))

        let onVGW = MapTourVariants.gcpLinkOnVGW()
        let attach = try Self.step(onVGW, "Where VPNs attach")
        #expect(
            attach.contains("to-gcp-if0 on VGW legacy-vgw (to GCP)") && attach.contains("Moving them to a TGW later"))
        #expect(try Self.step(onVGW, "The AWS view").contains("(to-gcp-if0 and to-gcp-if1 on VGW legacy-vgw)"))

        let tgws = MapTourVariants.twoTGWs()
        #expect(try Self.step(tgws, "Welcome").contains("AWS (2 TGWs, 3 VPCs)"))
        #expect(try Self.step(tgws, "The AWS hubs: 2 Transit Gateways").contains("spoke-tgw (ASN 64514) has 1 VPC"))
    }

    /// The `healthy` fixture network (on main; runs once it is merged): none of the example's
    /// sentences, and its own hub, VGW and sites.
    @Test(.enabled(if: MapTourVariants.hasHealthy)) func theHealthyFixtureIsToldItsOwnFacts() throws {
        let healthy = MapTourVariants.healthy()
        let all = Self.text(healthy)
        for (sentence, _) in Self.exampleOnly { #expect(!all.contains(sentence), "healthy is told: \(sentence)") }
        #expect(
            try Self.step(healthy, "Where VPNs attach").contains(
                "On a VGW here: to-galway-lab on VGW galway-legacy-vgw."))
        #expect(
            try Self.step(healthy, "The AWS hubs").contains(
                "On a virtual private gateway instead: galway-legacy (VGW galway-legacy-vgw)."))
        #expect(
            try Self.step(healthy, "3 on-prem sites").contains(
                "a site-to-site VPN (to-galway-lab) on VGW galway-legacy-vgw"))
        #expect(
            try Self.step(healthy, "What is down").contains(
                "IPsec: no tunnel-down finding for the 8 tunnels in the exports."))
        for step in Self.steps(healthy) {
            let lines = step.text.reduce(0) { $0 + Wrap.lines($1, width: Tour.panelWidth).count } + step.text.count - 1
            #expect(lines <= Tour.maxLines, "healthy: \"\(step.title)\" takes \(lines) lines")
        }
    }

    @Test func whatIsDownIsCountedPerLayerFromTheFindings() throws {
        let bgpOnly = try Self.step(MapTourVariants.downTunnelRepaired(bgpUp: false), "What is down")
        #expect(bgpOnly.contains("IPsec: no tunnel-down finding for the 6 tunnels in the exports."))
        #expect(
            bgpOnly.contains(
                "BGP: 1 session down (bgp-down): peer-aws-tunnel-1 on cr-aws over to-gcp-if0 #2 ⇄ aws-tunnel-1."))
        let allUp = try Self.step(MapTourVariants.downTunnelRepaired(bgpUp: true), "What is down")
        #expect(allUp.contains("IPsec: no tunnel-down finding") && allUp.contains("BGP: no bgp-down finding."))
        // The counts are the findings': with other findings, other counts.
        let model = ExampleNetwork.load().model
        let fake = [
            Finding(
                rule: "tunnel-down", severity: .error, message: "",
                resources: ["tunnel/3.220.30.33", "vpn-0bb22cc33dd44ee55"]),
            Finding(rule: "tunnel-down", severity: .error, message: "", resources: ["tunnel/54.80.40.44"]),
        ]
        let told = try #require(Tour.steps(for: model, findings: fake).first { $0.title == "What is down right now" })
            .text.joined(separator: " ")
        #expect(
            told.contains(
                "IPsec: 2 tunnels of 6 down (tunnel-down): to-gcp-if1 #1 ⇄ aws-tunnel-2 and to-gcp-if1 #2 ⇄ aws-tunnel-3."
            ))
        #expect(told.contains("BGP: no bgp-down finding."))
    }

    @Test func lessonsAreGeneralKnowledgeTiedToThisNetwork() throws {
        for (name, result) in [("example", ExampleNetwork.load())] + Self.variants {
            let all = Self.text(result)
            #expect(!all.contains("the team that built this"), "\(name): a lesson told as this network's history")
            let attach = try Self.step(result, "Where VPNs attach")
            #expect(
                attach.contains(
                    "when a team moved its VPN from a VGW to a TGW, Cloud Router recomputed its BGP routes: about 40 s of outage"
                ), "\(name)")
            #expect(
                try Self.step(result, "Custom-mode networks").contains(
                    "Our rule: a VPN-connected network is custom mode"), "\(name)")
            #expect(
                try Self.step(result, "Peered services").contains(
                    "Cloud Router does not advertise peered ranges over the VPN"), "\(name)")
            #expect(try Self.step(result, "Building it").contains("Here: 1. ha-vpn-aws;"), "\(name)")
        }
        #expect(
            try Self.step(ExampleNetwork.load(), "Custom-mode networks").contains(
                "Here the VPN is on net-host-prj/hub-vpc (custom mode). Also in auto mode, without the VPN: net-host-prj/default."
            ))
    }

    @Test func stepsAndFocusDoNotDependOnFindings() {
        for (name, result) in [("example", ExampleNetwork.load())] + Self.variants {
            let without = Tour.steps(for: result.model)
            let with = Self.steps(result)
            #expect(without.map(\.title) == with.map(\.title), "\(name)")
            #expect(without.map(\.focus) == with.map(\.focus), "\(name)")
            let map = TopologyLayout(
                model: result.model, insights: Screens.state(result).insights, width: 160, height: 44, expanded: [])
            for step in with {
                if let focus = step.focus {
                    #expect(map.node(focus) != nil, "\(name): \(step.title) focuses on \(focus), not on the map")
                }
            }
        }
    }

    @Test func everyStepFitsThePanelOnEveryNetwork() {
        for (name, result) in [("example", ExampleNetwork.load())] + Self.variants {
            for step in Self.steps(result) {
                let lines =
                    step.text.reduce(0) { $0 + Wrap.lines($1, width: Tour.panelWidth).count } + step.text.count - 1
                #expect(lines <= Tour.maxLines, "\(name): \"\(step.title)\" takes \(lines) lines")
            }
        }
    }
}
