import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

/// What is down and what it breaks, per element, as the header, the incident summary, the what-if
/// panel and the views' what-if marks read it.
@Suite struct ImpactTests {
    let healthy = Variants.healthy.analysis
    let example = Variants.example.analysis
    static let connectionA = "vpn-0aa11bb22cc33dd44"
    static let connectionB = "vpn-0bb22cc33dd44ee55"

    @Test func theExportedStateCountsCarryingTunnelsAndSessionsAndNamesTheNextCut() throws {
        let impact = example.impact
        #expect(!impact.isWhatIf)
        #expect(impact.crossCloudTotal == 4)
        // aws-tunnel-1 (b-side of connection A) is down: 3 of 4 carry, 3 of 4 sessions up.
        #expect(impact.crossCloudCarrying == 3)
        #expect(impact.sessionsTotal == 4 && impact.sessionsUp == 3)
        #expect(impact.takenDown.isEmpty && impact.weakened.isEmpty)
        let healthyImpact = healthy.impact
        #expect(healthyImpact.crossCloudCarrying == 4 && healthyImpact.sessionsUp == 4)
        // Four healthy tunnels over two connections: no single failure cuts the link.
        #expect(healthyImpact.nextSinglePointsOfFailure.isEmpty)
        #expect(healthyImpact.prefixesWithoutPath.isEmpty && healthyImpact.cutOff.isEmpty)
    }

    @Test func failingAConnectionTakesDownBothItsTunnelsAndWeakensTheLink() throws {
        let impact = healthy.impact(of: healthy.whatIf(failing: [Self.connectionA]))
        #expect(impact.isWhatIf && impact.failed == [Self.connectionA])
        #expect(impact.crossCloudCarrying == 2 && impact.sessionsUp == 2)
        // Both tunnels of the connection, not only the first.
        #expect(impact.takenDown["tunnel/3.210.10.11"] != nil)
        #expect(impact.takenDown["tunnel/52.1.20.22"] != nil)
        #expect(impact.takenDown["tunnel/3.220.30.33"] == nil)
        // The connection's customer gateway carries nothing either; the HA gateway still carries on two.
        let ha = "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws"
        #expect(impact.weakened[ha] == "2 of 4 tunnels carry")
        #expect(impact.takenDown[ha] == nil)
        #expect(impact.takenDown["\(ha)#if0"] != nil, "\(impact.takenDown.keys.sorted())")
        // The link is still up but now hangs on the other connection.
        let next = try #require(impact.nextSinglePointsOfFailure.only)
        #expect(next.labels.contains { $0.contains("VPN connection") })
        #expect(impact.prefixesWithoutPath.isEmpty && impact.cutOff.isEmpty)
    }

    @Test func failingTheWholeLinkCutsOffSitesProjectsAndVPCsFromGCP() throws {
        let impact = example.impact(of: example.whatIf(failing: [Self.connectionA, Self.connectionB]))
        #expect(impact.crossCloudCarrying == 0)
        #expect(!impact.prefixesWithoutPath.isEmpty)
        // On-prem sites lose GCP (they still reach AWS), the host project and its service projects lose AWS.
        let sites = example.model.onPremSites.map(\.id)
        #expect(!sites.isEmpty)
        for site in sites { #expect(impact.cutOff[site]?.contains(.gcp) == true, "\(site)") }
        #expect(impact.projectsCutOff.contains("project/net-host-prj"), "\(impact.cutOff.keys.sorted())")
        for p in example.model.gcpProjects where p.hostProject == "net-host-prj" {
            #expect(impact.cutOff["project/\(p.id)"] != nil, "\(p.id)")
        }
        let hybridVPC = try #require(example.model.vpcs.first { impact.cutOff[$0.id] != nil })
        #expect(impact.cutOff[hybridVPC.id] == [.gcp])
        // No site is cut off from AWS: they keep their own VPN and Direct Connect.
        #expect(impact.sitesCutOff.isEmpty)
    }
}

/// The impact of a network the tests were not written around: the published exports in
/// `../shared/samples/wild` (read in place).
@Suite struct WildImpactTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/samples/wild")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path)))
    func aSiteWhoseTunnelsAreNotExportedIsUnknownNotCutOff() throws {
        let result = Importer.load(paths: [Self.folder.path])
        let analysis = Analysis(model: result.model, report: result.report)
        let impact = analysis.impact
        let sites = result.model.onPremSites
        // Each site the exports give a path for is judged; one they give none for is not "cut off".
        for site in sites {
            let paths = analysis.verdicts.element(site.id).state
            if paths == nil {
                #expect(impact.cutOff[site.id] == nil, "\(site.name): no path exported, so unknown")
            }
        }
        let cut = impact.sitesCutOff.map(\.name)
        #expect(cut == ["site at 12.1.2.3"], "\(cut)")
        #expect(analysis.verdicts.health(of: try #require(sites.first { $0.name == "site at 12.1.2.3" }).id) == .down)
    }
}
