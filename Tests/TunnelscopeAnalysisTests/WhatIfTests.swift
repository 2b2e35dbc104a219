import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// The failure what-if: which tunnels and sessions survive, whether each link stays up, which
/// prefixes lose every path between AWS, GCP and on-prem.
@Suite struct WhatIfTests {
    static let connectionA = "vpn-0aa11bb22cc33dd44"
    static let connectionB = "vpn-0bb22cc33dd44ee55"
    static let interface0 = "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if0"
    static let interface1 = "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if1"

    let healthy = Variants.healthy.analysis
    let example = Variants.example.analysis

    @Test func losingOneAWSConnectionKeepsTheLinkUpThroughTheOther() throws {
        for (failed, survivors) in [
            (Self.connectionA, ["tunnel/3.220.30.33", "tunnel/54.80.40.44"]),
            (Self.connectionB, ["tunnel/3.210.10.11", "tunnel/52.1.20.22"]),
        ] {
            let outcome = healthy.whatIf(failing: [failed])
            #expect(outcome.unresolved.isEmpty)
            let link = try #require(outcome.links.only)
            #expect(link.upBefore && link.upAfter)
            #expect(link.carrying == survivors)
            #expect(outcome.tunnelsSurviving.filter(\.crossCloud).map(\.id) == survivors)
            #expect(outcome.lostPrefixes.isEmpty, "\(outcome.lostPrefixes)")
            // …but the surviving connection is now a single point of failure.
            let other = failed == Self.connectionA ? Self.connectionB : Self.connectionA
            #expect(link.singlePointsOfFailure.contains(other))
        }
    }

    @Test func inTheExampleLosingConnectionBLeavesOnlyTunnelA1() throws {
        let outcome = example.whatIf(failing: ["to-gcp-if1"])
        let link = try #require(outcome.links.only)
        #expect(link.upAfter && link.carrying == ["tunnel/3.210.10.11"])
        let a2 = try #require(outcome.tunnels.first { $0.id == "tunnel/52.1.20.22" })
        #expect(!a2.carriedBefore && a2.cause == "already down" && !a2.lost)
        #expect(outcome.tunnelsLost.map(\.id) == ["tunnel/3.220.30.33", "tunnel/54.80.40.44"])
        #expect(outcome.lostPrefixes.isEmpty)
        #expect(outcome.summary.contains("1 of 4 cross-cloud tunnels carry routes"))
    }

    @Test func losingBothHAInterfacesCutsTheLink() throws {
        let outcome = healthy.whatIf(failing: [Self.interface0, Self.interface1])
        let link = try #require(outcome.links.only)
        #expect(link.upBefore && !link.upAfter && link.carrying.isEmpty)
        #expect(outcome.linksCut.count == 1)
        #expect(outcome.tunnels.filter(\.crossCloud).allSatisfy { !$0.survives && !$0.tunnelUpAfter })
        func lost(_ prefix: String) -> [Side]? { outcome.lostPrefixes.first { $0.prefix == CIDR(prefix) }?.lost }
        #expect(lost("10.100.16.0/20") == [.aws, .onPrem], "a GCP subnet loses AWS and, through it, on-prem")
        #expect(lost("10.104.0.0/16") == [.aws, .onPrem])
        #expect(lost("10.100.48.0/29") == [.aws, .onPrem], "the advertised Memorystore range too")
        #expect(lost("10.10.0.0/16") == [.gcp], "an AWS VPC keeps the hub and on-prem")
        #expect(lost("172.16.0.0/16") == [.gcp], "on-prem keeps AWS")
        #expect(lost("192.168.50.0/24") == [.gcp])
        #expect(outcome.sites.allSatisfy { $0.reachableBefore && $0.reachableAfter })
    }

    @Test func losingTheCloudRouterKeepsIPsecButNoSession() throws {
        let outcome = healthy.whatIf(failing: ["cr-aws"])
        let cross = outcome.tunnels.filter(\.crossCloud)
        #expect(cross.allSatisfy { $0.tunnelUpAfter && !$0.sessionUpAfter })
        #expect(outcome.links.only?.upAfter == false)
    }

    @Test func losingOneBGPSessionLosesOnlyItsTunnel() {
        let outcome = healthy.whatIf(failing: ["peer-aws-tunnel-0"])
        #expect(
            outcome.failed.map(\.id) == [
                "projects/net-host-prj/regions/us-east4/routers/cr-aws/bgpPeers/peer-aws-tunnel-0"
            ])
        #expect(outcome.tunnelsLost.map(\.id) == ["tunnel/3.210.10.11"])
        #expect(
            outcome.links.only?.singlePointsOfFailure.isEmpty == true, "3 tunnels on 2 connections: still redundant")
    }

    @Test func losingTheBranchCustomerGatewayCutsOffOsaka() throws {
        let outcome = healthy.whatIf(failing: ["cgw-0e1e2e3e4e5e6e7e8"])
        let osaka = try #require(outcome.sites.first { $0.name == "Branch office Osaka" })
        #expect(osaka.reachableBefore && !osaka.reachableAfter)
        #expect(outcome.lostPrefixes.map(\.prefix) == [CIDR("192.168.50.0/24")!])
        #expect(outcome.lostPrefixes.first?.lost == [.aws, .gcp])
        #expect(outcome.links.only?.upAfter == true)
    }

    @Test func losingTheDirectConnectGatewayCutsOffFrankfurt() throws {
        // "dxgw-east" is both the DX gateway's name and its TGW attachment's Name tag: ambiguous, so use the ID.
        #expect(healthy.resolve("dxgw-east").element == nil)
        let outcome = healthy.whatIf(failing: ["5f3c6b1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"])
        #expect(outcome.failed.map(\.kind) == [.directConnectGateway])
        #expect(outcome.sites.first { $0.name == "Frankfurt DC" }?.reachableAfter == false)
        #expect(outcome.lostPrefixes.map(\.prefix) == [CIDR("172.16.0.0/16")!])
    }

    @Test func losingAVPCAttachmentCutsThatVPCOffEverywhere() throws {
        let outcome = healthy.whatIf(failing: ["app-vpc-attach"])
        let loss = try #require(outcome.lostPrefixes.only)
        #expect(loss.prefix == CIDR("10.10.0.0/16") && loss.origin == "vpc-0a11aa11aa11aa110")
        #expect(loss.lost == [.aws, .gcp, .onPrem])
    }

    @Test func losingTheTransitGatewayCutsEverything() {
        let outcome = healthy.whatIf(failing: ["hub-tgw"])
        #expect(outcome.links.only?.upAfter == false)
        #expect(outcome.sites.allSatisfy { !$0.reachableAfter })
        #expect(
            outcome.lostPrefixes.contains { $0.prefix == CIDR("10.20.0.0/16") && $0.lost == [.aws, .gcp, .onPrem] })
    }

    @Test func unresolvedNamesAreReportedNotFailed() {
        let outcome = healthy.whatIf(failing: ["no-such-thing", "aws-tunnel-0"])
        #expect(outcome.failed.map(\.id) == ["tunnel/3.210.10.11"])
        #expect(outcome.unresolved.count == 1)
        if case .unknown(let query, _)? = outcome.unresolved.first {
            #expect(query == "no-such-thing")
        } else {
            Issue.record("expected unknown")
        }
    }

    @Test func initWithAFailureSetFillsWhatIf() {
        let analysis = Analysis(model: Variants.healthy, failed: ["to-gcp-if0"])
        #expect(analysis.whatIf?.failed.map(\.id) == [Self.connectionA])
        #expect(Analysis(model: Variants.healthy).whatIf == nil)
    }

    @Test func nothingFailedChangesNothing() {
        let outcome = example.whatIf(failing: Set<String>())
        #expect(outcome.lostPrefixes.isEmpty && outcome.tunnelsLost.isEmpty)
        #expect(outcome.links.allSatisfy { $0.upBefore == $0.upAfter })
    }
}
