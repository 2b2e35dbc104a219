import Testing
import TunnelscopeAnalysis
import TunnelscopeModel

/// `SnapshotDiff` on the hand-made fixtures (`Tests/Fixtures/diff/`): what each one changed, and
/// nothing else.
@Suite struct DiffEngineTests {
    static func field(_ change: ElementChange?, _ name: String) -> FieldChange? {
        change?.fields.first { $0.field == name }
    }

    @Test func identicalSnapshotsHaveNoDifferences() {
        let diff = SnapshotDiff(
            before: DiffFixtures.analysis("none", "before"), after: DiffFixtures.analysis("none", "after"))
        #expect(diff.isEmpty, "\(diff.changes.map(\.id)) \(diff.findings.map(\.key))")
        #expect(diff.change(of: "vpn-0aa11bb22cc33dd44") == nil)
    }

    @Test func vgwToTgwIsAMoveNotARemoveAndAdd() throws {
        let diff = DiffFixtures.diff("vgw-to-tgw")
        for id in ["vpn-0aa11bb22cc33dd44", "vpn-0bb22cc33dd44ee55"] {
            let change = try #require(diff.change(of: id))
            #expect(change.kind == .moved)
            #expect(change.group == .connections)
            #expect(change.summary == "moved: vgw-0f1e2d3c4b5a69788 → tgw-0a1b2c3d4e5f60718")
            #expect(!diff.changes.contains { $0.id == id && ($0.kind == .removed || $0.kind == .added) })
        }
        // The new VPN attachments on the hub; the VGW is not in AFTER's exports (not "removed").
        let attachment = try #require(diff.change(of: "tgw-attach-0ee11ff22aa33bb44"))
        #expect(attachment.kind == .added && attachment.group == .hub)
        #expect(Self.field(attachment, "attaches")?.after == "vpn vpn-0aa11bb22cc33dd44")
        #expect(diff.change(of: "vgw-0f1e2d3c4b5a69788")?.kind == .notExportedAfter)
        // Tunnels keep their ends and status; they re-learn routes through the TGW.
        let tunnel = try #require(diff.change(of: "tunnel/3.210.10.11"))
        #expect(tunnel.kind == .changed && tunnel.group == .tunnels)
        #expect(Self.field(tunnel, "attached to")?.before == "vgw-0f1e2d3c4b5a69788")
        #expect(Self.field(tunnel, "status") == nil, "still UP")
        #expect(Self.field(tunnel, "outside IPs") == nil)
        let learned = try #require(Self.field(tunnel, "routes learned by GCP"))
        #expect(learned.added == ["10.20.0.0/16", "10.30.0.0/16", "172.16.0.0/16", "192.168.50.0/24"])
        #expect(learned.removed.isEmpty)
        #expect(Self.field(tunnel, "AWS last status change")?.after == "2025-03-03T14:12:09.000Z")
        #expect(Self.field(diff.change(of: "tunnel/52.1.20.22"), "status") == nil, "down before and after")
        // The VGW finding cleared, keyed by rule and resources.
        let cleared = diff.findings.filter { $0.kind == .cleared }.map(\.rule)
        #expect(cleared == ["vgw-attachment", "vgw-attachment"])
        #expect(!diff.findings.contains { $0.kind == .appeared })
        #expect(diff.change(of: "rtb-0a7c3e9f1b5d2a468")?.group == .vpcs)
    }

    @Test func aTunnelGoingDownOnBothSides() throws {
        let diff = DiffFixtures.diff("tunnel-down")
        let tunnel = try #require(diff.change(of: "tunnel/3.220.30.33"))
        #expect(tunnel.kind == .changed)
        #expect(Self.field(tunnel, "status").map { "\($0.before ?? "") → \($0.after ?? "")" } == "UP → DOWN")
        #expect(Self.field(tunnel, "IPsec")?.after == "DOWN both sides")
        #expect(Self.field(tunnel, "BGP")?.after == "AWS DOWN, GCP Idle")
        #expect(Self.field(tunnel, "routes learned by AWS")?.removed.count == 4)
        #expect(diff.change(of: "tunnel/3.210.10.11") == nil, "the other tunnels did not change")
        let session = try #require(
            diff.change(of: "projects/net-host-prj/regions/us-east4/routers/cr-aws/bgpPeers/peer-aws-tunnel-2"))
        #expect(session.group == .gcp)
        #expect(Self.field(session, "BGP state")?.after == "Idle")
        let appeared = diff.findings.filter { $0.kind == .appeared }
        #expect(Set(appeared.map(\.rule)) == ["tunnel-down", "bgp-down"])
        #expect(appeared.allSatisfy { $0.resources.contains("tunnel/3.220.30.33") })
    }

    @Test func aServiceProjectAttached() throws {
        let diff = DiffFixtures.diff("service-project")
        let project = try #require(diff.change(of: "project/svc-prj-c"))
        #expect(project.kind == .added && project.group == .sharedVPC)
        #expect(Self.field(project, "role")?.after == "Shared VPC service project")
        #expect(Self.field(project, "host project")?.after == "net-host-prj")
        #expect(diff.changes.count == 1, "\(diff.changes.map(\.id))")
    }

    @Test func aRouteWithdrawn() throws {
        let diff = DiffFixtures.diff("route-withdrawn")
        let table = try #require(diff.change(of: "tgw-rtb-0f1e2d3c4b5a69788"))
        #expect(Self.field(table, "routes")?.removed.count == 1)
        #expect(Self.field(table, "routes")?.removed.first?.hasPrefix("10.100.32.0/20 → ") == true)
        #expect(Self.field(table, "routes")?.added == [])
        for id in ["tunnel/3.210.10.11", "tunnel/3.220.30.33", "tunnel/54.80.40.44"] {
            let tunnel = try #require(diff.change(of: id))
            #expect(Self.field(tunnel, "routes advertised by GCP")?.removed == ["10.100.32.0/20"])
            #expect(Self.field(tunnel, "routes learned by AWS")?.removed == ["10.100.32.0/20"])
            #expect(Self.field(tunnel, "routes accepted by AWS").map { [$0.before, $0.after] } == ["4", "3"])
        }
        #expect(!diff.changes.contains { $0.kind == .removed || $0.kind == .added })
    }

    @Test func aConnectionReplacedUnderANewIDIsMovedByItsOutsideIPs() throws {
        let before = DiffFixtures.analysis("none", "before")
        let after = DiffFixtures.analysis("replaced-connection", "after")
        let diff = SnapshotDiff(before: before, after: after)
        let change = try #require(diff.change(of: "vpn-0ff00000000000001"))
        #expect(change.kind == .moved)
        #expect(change.previousID == "vpn-0cc33dd44ee55ff66")
        #expect(diff.change(of: "vpn-0cc33dd44ee55ff66")?.id == "vpn-0ff00000000000001")
        #expect(!diff.changes.contains { $0.kind == .removed && $0.elementKind == .vpnConnection })
        let tunnel = try #require(diff.change(of: "tunnel/18.204.60.61"))
        #expect(tunnel.kind == .moved)
        #expect(tunnel.movedFrom == "vpn-0cc33dd44ee55ff66 #1" && tunnel.movedTo == "vpn-0ff00000000000001 #1")
    }

    @Test func aRotatedPreSharedKeyIsReportedAsChangedOnly() throws {
        let diff = DiffFixtures.diff("psk-rotated")
        let tunnel = try #require(diff.change(of: "tunnel/3.210.10.11"))
        let key = try #require(Self.field(tunnel, "pre-shared key"))
        #expect(key.isSecret)
        #expect(key.before == FieldChange.secretShown && key.after == FieldChange.secretChanged)
        #expect(key.description == "pre-shared key changed")
        #expect(tunnel.fields.count == 1, "\(tunnel.fields.map(\.description))")
        #expect(diff.changes.count == 1, "the other keys did not change: \(diff.changes.map(\.id))")
    }

    @Test func aFingerprintSaysNothingOfItsValue() throws {
        let model = DiffFixtures.analysis("psk-rotated", "after").model
        let tunnel = try #require(model.vpnConnection("vpn-0aa11bb22cc33dd44")?.tunnels.first)
        let fingerprint = try #require(tunnel.preSharedKey)
        for shown in ["\(tunnel)", String(reflecting: tunnel), "\(fingerprint)", String(reflecting: fingerprint)] {
            #expect(!shown.contains(String(fingerprint.bits)), "\(shown)")
            #expect(!shown.contains(String(fingerprint.bits, radix: 16)))
            #expect(!shown.contains("Zk3x"))
        }
        #expect(Mirror(reflecting: fingerprint).children.isEmpty)
    }
}
