import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeModel

/// `SnapshotDiff` at scale: a thousand-VPC network against itself with a few edits finds exactly
/// those edits, in time of the order of building the two analyses (every match is by key).
@Suite struct DiffScaleTests {
    @Test func thousandVPCsWithThreeEdits() throws {
        let clock = ContinuousClock()
        var parts = LargeNetwork.parts(vpcs: 1000)
        var start = clock.now
        let before = Analysis(model: NetworkModel(parts: parts))
        let removedVpc = parts.vpcs[500].id
        parts.vpcs.remove(at: 500)
        let subnet = parts.subnets[10].id
        parts.subnets[10].cidr = CIDR("10.250.250.0/24")
        let connection = try #require(parts.vpnConnections.first)
        parts.vpnConnections[0].transitGatewayId = nil
        parts.vpnConnections[0].vpnGatewayId = "vgw-0000000000000new"
        let after = Analysis(model: NetworkModel(parts: parts))
        let analyses = clock.now - start
        start = clock.now
        let diff = SnapshotDiff(before: before, after: after)
        let diffing = clock.now - start

        #expect(diff.change(of: removedVpc)?.kind == .removed)
        #expect(diff.change(of: subnet)?.fields.first { $0.field == "CIDR" }?.after == "10.250.250.0/24")
        #expect(diff.change(of: connection.id)?.kind == .moved)
        #expect(diff.change(of: connection.id)?.movedTo == "vgw-0000000000000new")
        // Nothing else among the VPCs, subnets and route tables changed.
        let vpcGroup = diff.changes(in: .vpcs)
        #expect(vpcGroup.filter { $0.elementKind == .vpc }.map(\.id) == [removedVpc])
        #expect(vpcGroup.filter { $0.elementKind == .subnet }.count == 1)
        #expect(diffing < analyses * 6, "diff \(diffing) vs two analyses \(analyses)")
    }
}
