import Testing
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

/// A second network, written from the API references, with nothing wrong in it: no error may be
/// reported, and routes come from what Cloud Router says it learned (`nextHopVpnTunnel` and
/// `nextHopIp`, or `nextHopIp` alone).
@Suite struct HealthyNetworkTests {
    static let variants: [(String, LoadResult)] = [
        ("nextHopVpnTunnel + nextHopIp", FixtureNetworks.healthy),
        ("nextHopIp only", FixtureNetworks.healthyNextHopIpOnly),
    ]

    @Test(arguments: [0, 1]) func loadsCompletelyAndRaisesNoError(variant: Int) {
        let (name, result) = Self.variants[variant]
        #expect(result.report.skipped.isEmpty, "\(name): \(result.report.skipped)")
        let analysis = Analysis(model: result.model)
        let problems = analysis.findings.filter { $0.severity != .info }
        #expect(problems.isEmpty, "\(name): \(problems.map(\.message))")
        #expect(analysis.findings.map(\.rule) == ["vgw-attachment"], "the Galway VPN ends on a VGW by design")
        #expect(result.model.tunnels.filter(\.isCrossCloud).count == 4)
        #expect(analysis.verdicts.tunnels.allSatisfy { $0.carries && $0.health == .ok && !$0.hasDisagreement })
    }

    @Test(arguments: [0, 1]) func cloudRouterLearnsEveryAWSPrefixOnAllFourTunnels(variant: Int) {
        let (name, result) = Self.variants[variant]
        let routes = Analysis(model: result.model).routes
        let awsPrefixes = [
            "10.40.0.0/16", "10.41.0.0/16", "10.42.0.0/16", "172.20.0.0/16", "172.21.0.0/16", "192.168.60.0/24",
        ]
        #expect(routes.awsToGCP.map(\.prefix.description) == awsPrefixes, "\(name)")
        for route in routes.awsToGCP {
            #expect(route.learnedOn.count == 4, "\(name): \(route.prefix) learned on \(route.learnedOn)")
            #expect(route.advertisedOn.count == 4)
        }
        for tunnel in routes.perTunnel {
            #expect(tunnel.gcpLearns?.map(\.description) == awsPrefixes, "\(name): \(tunnel.tunnel)")
            #expect(tunnel.awsLearns.count == 4, "\(name): \(tunnel.tunnel) \(tunnel.awsLearns)")
        }
        #expect(routes.notes.isEmpty, "\(routes.notes)")
    }

    @Test(arguments: [0, 1]) func pathsAreReachableBothWays(variant: Int) throws {
        let (name, result) = Self.variants[variant]
        let analysis = Analysis(model: result.model)
        let pairs = [
            ("10.40.5.10", "10.150.3.7"), ("prod-data", "ew1-apps"), ("Dublin DC", "10.151.0.9"),
            ("192.168.60.20", "10.150.20.4"), ("10.42.1.1", "orders-cache"),
        ]
        for (from, to) in pairs {
            let path = try analysis.path(from: from, to: to)
            #expect(
                path.reachable,
                "\(name): \(from) → \(to): \(path.forward.end) / \(String(describing: path.reverse?.end))")
        }
    }

    @Test func ecmpOverBothVPNAttachmentsListsEveryTunnel() throws {
        let analysis = Analysis(model: FixtureNetworks.healthy.model)
        let path = try analysis.path(from: "10.41.0.5", to: "10.150.0.5")
        let table = try #require(path.forward.hops.first { $0.kind == .tgwRouteTable })
        #expect(table.text.contains("ECMP over 2 next hops"), "\(table.text)")
        let tunnels = try #require(path.forward.hops.first { $0.kind == .tunnels })
        #expect(tunnels.resources.count == 4, "every surviving tunnel of both connections: \(tunnels.text)")
        #expect(tunnels.text.hasPrefix("4 of 4 tunnels carrying"))
        // Fail one connection: the other's two tunnels still carry, over the other attachment.
        let failed = try analysis.path(from: "10.41.0.5", to: "10.150.0.5", failing: ["to-gcp-havpn-if0"])
        #expect(failed.reachable)
        let after = try #require(failed.forward.hops.first { $0.kind == .tunnels })
        #expect(after.resources == ["tunnel/198.51.100.21", "tunnel/198.51.100.22"], "\(after.text)")
        let outcome = analysis.whatIf(failing: ["to-gcp-havpn-if0"])
        #expect(outcome.links.first?.upAfter == true && outcome.lostPrefixes.isEmpty)
    }

    @Test func theExampleWithNextHopVpnTunnelHasNoFalseReturnRouteError() {
        // Adding `nextHopVpnTunnel` to the example's best routes (as real Cloud Router prints them)
        // must not change a single finding.
        let before = Variants.example.analysis.findings
        let after = Variants.model([
            (
                Variants.routerStatus,
                { text in
                    JSONEdit.edit(text) { value in
                        guard var root = value as? [String: Any], var result = root["result"] as? [String: Any],
                            var best = result["bestRoutes"] as? [[String: Any]],
                            let peers = result["bgpPeerStatus"] as? [[String: Any]]
                        else { return }
                        var tunnelByPeerIp: [String: String] = [:]
                        for p in peers {
                            tunnelByPeerIp[p["peerIpAddress"] as! String] = p["linkedVpnTunnel"] as? String
                        }
                        for i in best.indices {
                            best[i]["nextHopVpnTunnel"] = tunnelByPeerIp[best[i]["nextHopIp"] as! String]
                        }
                        result["bestRoutes"] = best
                        root["result"] = result
                        value = root
                    }
                }
            )
        ]).analysis.findings
        #expect(after.filter { $0.rule == "no-return-route" }.isEmpty)
        #expect(after.map(\.message) == before.map(\.message))
    }
}

/// A site whose VPN ends on a virtual private gateway: its prefixes are what the VGW propagates,
/// and paths go through the VGW to the VPC attached to it and nowhere else.
@Suite struct VGWSiteTests {
    @Test func theVGWSiteHasThePropagatedRangeAndReachesOnlyItsVPC() throws {
        let analysis = Analysis(model: FixtureNetworks.healthy.model)
        let galway = try #require(
            FixtureNetworks.healthy.model.onPremSites.first { $0.name.hasPrefix("galway-lab-fw") })
        #expect(galway.addressRanges.map(\.description) == ["192.168.70.0/24"])
        let local = try analysis.path(from: "192.168.70.5", to: "10.48.0.5")
        #expect(local.reachable)
        #expect(local.forward.hops.map(\.kind) == [.site, .vpnConnection, .vpnGateway, .awsVpc])
        let far = try analysis.path(from: "192.168.70.5", to: "10.150.0.5")
        #expect(!far.reachable)
        #expect(far.forward.end.description.contains("does not route onwards"))
    }
}
