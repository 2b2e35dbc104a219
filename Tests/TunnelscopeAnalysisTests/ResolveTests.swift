import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

/// `Analysis.resolve(id:in:)`: exact IDs and unambiguous short names; ambiguity and unknown names are explained.
@Suite struct ResolveTests {
    let model = Variants.example

    func id(_ text: String) -> String? { Analysis.resolve(id: text, in: model).element?.id }

    @Test func exactIDs() {
        #expect(id("tunnel/52.1.20.22") == "tunnel/52.1.20.22")
        #expect(id("vpn-0aa11bb22cc33dd44") == "vpn-0aa11bb22cc33dd44")
        #expect(id("cgw-0d1d2d3d4d5d6d7d8") == "cgw-0d1d2d3d4d5d6d7d8")
        #expect(
            id("projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if1")
                == "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if1")
        #expect(
            id("projects/net-host-prj/global/externalVpnGateways/aws-tgw-peer#if3")
                == "projects/net-host-prj/global/externalVpnGateways/aws-tgw-peer#if3")
        #expect(
            id("projects/net-host-prj/regions/us-east4/routers/cr-aws")
                == "projects/net-host-prj/regions/us-east4/routers/cr-aws")
        #expect(id("site/Frankfurt DC") == "site/Frankfurt DC")
    }

    @Test func shortNames() {
        #expect(id("aws-tunnel-1") == "tunnel/52.1.20.22")
        #expect(id("to-gcp-if0") == "vpn-0aa11bb22cc33dd44")
        #expect(id("52.1.20.22") == "tunnel/52.1.20.22", "an AWS outside IP names the tunnel")
        #expect(
            id("35.242.1.10") == "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if0",
            "an HA interface IP names the interface")
        #expect(id("ha-vpn-aws#if1") == "projects/net-host-prj/regions/us-east4/vpnGateways/ha-vpn-aws#if1")
        #expect(id("aws-tgw-peer#if2") == "projects/net-host-prj/global/externalVpnGateways/aws-tgw-peer#if2")
        #expect(id("gcp-ha-if0") == "cgw-0c1c2c3c4c5c6c7c8")
        #expect(id("TO-GCP-IF1") == "vpn-0bb22cc33dd44ee55", "names are case-insensitive")
        #expect(id("net-host-prj/us-east4/aws-tunnel-3") == "tunnel/54.80.40.44", "the form `check` prints")
        #expect(
            id("https://www.googleapis.com/compute/v1/projects/net-host-prj/regions/us-east4/vpnTunnels/aws-tunnel-2")
                == "tunnel/3.220.30.33")
        #expect(id("projects/net-host-prj/regions/us-east4/vpnTunnels/aws-tunnel-0") == "tunnel/3.210.10.11")
        #expect(id("tgw-attach-0ee11ff22aa33bb44") == "vpn-0aa11bb22cc33dd44", "a VPN attachment is its connection")
        #expect(id("vpn-0bb22") == "vpn-0bb22cc33dd44ee55", "a unique ID prefix")
        #expect(id("Frankfurt DC") == "site/Frankfurt DC")
        #expect(id("  aws-tunnel-1 ") == "tunnel/52.1.20.22")
    }

    @Test func ambiguousNamesListTheCandidates() {
        guard case .ambiguous(_, let candidates) = Analysis.resolve(id: "vpn-0", in: model) else {
            Issue.record("vpn-0 should be ambiguous")
            return
        }
        #expect(candidates.map(\.id) == ["vpn-0aa11bb22cc33dd44", "vpn-0bb22cc33dd44ee55", "vpn-0cc33dd44ee55ff66"])
        // Two connections with the same Name tag.
        let twins = Variants.model([
            (
                Variants.vpnConnections,
                editConnection("vpn-0bb22cc33dd44ee55") { $0["Tags"] = [["Key": "Name", "Value": "to-gcp-if0"]] }
            )
        ])
        let resolution = Analysis.resolve(id: "to-gcp-if0", in: twins)
        #expect(resolution.element == nil)
        #expect(
            resolution.description.contains("ambiguous") && resolution.description.contains("vpn-0bb22cc33dd44ee55"))
    }

    @Test func unknownNamesSuggest() {
        // A prefix of several names lists them all.
        guard case .ambiguous(_, let candidates) = Analysis.resolve(id: "aws-tunnel", in: model) else {
            Issue.record("expected ambiguous")
            return
        }
        #expect(
            candidates.map(\.id) == [
                "tunnel/3.210.10.11", "tunnel/3.220.30.33", "tunnel/52.1.20.22", "tunnel/54.80.40.44",
            ])
        // Text inside a name that begins no word: suggestions.
        guard case .unknown(_, let suggestions) = Analysis.resolve(id: "unnel-2", in: model) else {
            Issue.record("expected unknown")
            return
        }
        #expect(suggestions.contains("tunnel/3.220.30.33"))
        #expect(Analysis.resolve(id: "zzz", in: model).description.contains("names nothing"))
    }

    @Test func displayNamesAndWordsInsideNamesResolve() {
        #expect(id("Payments") == "vpc-0a11aa11aa11aa110", "a unique prefix of the label shown")
        #expect(id("osaka") == "site/Branch office Osaka", "a word inside a site's name")
        #expect(
            id("peer-aws-tunnel-1")
                == "projects/net-host-prj/regions/us-east4/routers/cr-aws/bgpPeers/peer-aws-tunnel-1")
        let notFailable = Analysis.resolve(id: "app-vpc-main", in: model)
        #expect(notFailable.element == nil && notFailable.description.contains("route table"))
    }

    @Test func everyElementResolvesByItsOwnID() {
        let analysis = model.analysis
        #expect(analysis.failableElements.count > 20)
        for element in analysis.failableElements { #expect(analysis.resolve(element.id).element == element) }
    }
}
