import Testing
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeAnalysis

/// cidr-overlap names the owners of a range in an order that depends only on the network: by
/// label, then by group where labels are equal, one owner per group (the first given). It used to
/// take them from a dictionary's values, whose order changes from one process to the next.
@Suite struct OverlapOrderTests {
    @Test func ownersWithEqualLabelsComeOutInOneOrder() throws {
        let analysis = Analysis(model: Variants.healthy)
        let owner = try #require(analysis.context.space.owners.first { $0.kind == .awsVpc })
        func copy(group: String) -> AddressOwner {
            AddressOwner(
                kind: owner.kind, hybrid: owner.hybrid, cidr: owner.cidr, resource: owner.resource + group,
                group: group, source: owner.source, index: owner.index)
        }
        let owners = ["g-c", "g-a", "g-b", "g-a"].map(copy(group:))
        #expect(Set(owners.map(\.label)).count == 1, "one label for all: only the group tells them apart")
        var orders = Set<[String]>()
        for permutation in [[0, 1, 2, 3], [2, 3, 0, 1], [1, 0, 3, 2], [3, 2, 1, 0]] {
            let given = permutation.map { owners[$0] }
            let chosen = CIDROverlapRule.byLabel(CIDROverlapRule.firstOfEachGroup(given))
            orders.insert(chosen.map(\.group))
        }
        #expect(orders == [["g-a", "g-b", "g-c"]])
        // The first owner of each group is kept, in the order given.
        let firsts = CIDROverlapRule.firstOfEachGroup(owners)
        #expect(firsts.map(\.resource) == [owner.resource + "g-c", owner.resource + "g-a", owner.resource + "g-b"])
    }
}
