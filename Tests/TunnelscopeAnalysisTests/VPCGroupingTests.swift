import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeModel

/// The grouping rule the map and `export` share.
@Suite struct VPCGroupingTests {
    @Test func groupsOnlyWhenManyAndTheyHalveTheBoxes() {
        #expect(!VPCGrouping.applies(vpcs: 12, groups: 1), "up to 12 VPCs keep their boxes")
        #expect(VPCGrouping.applies(vpcs: 13, groups: 6))
        #expect(!VPCGrouping.applies(vpcs: 13, groups: 7), "groups must at least halve the boxes")
        #expect(VPCGrouping.applies(vpcs: 1000, groups: 30))
    }

    @Test func clustersSplitByAccountInIDOrderUnknownAsQuestionMark() {
        let accounts: [String?] = ["222", nil, "111", "222", "111"]
        let groups = VPCGrouping.byAccount([(hub: "tgw-1", members: [0, 1, 2]), (hub: nil, members: [3, 4])]) {
            accounts[$0]
        }
        #expect(
            groups == [
                .init(hub: "tgw-1", account: "111", members: [2]),
                .init(hub: "tgw-1", account: "222", members: [0]),
                .init(hub: "tgw-1", account: nil, members: [1]),
                .init(hub: nil, account: "111", members: [4]),
                .init(hub: nil, account: "222", members: [3]),
            ])
        #expect(groups[2].key == "vpcs:tgw-1|?")
        #expect(groups[3].key == "vpcs:unattached|111")
    }

    @Test func hubsOfTheExampleVPCsFromTheirAttachments() {
        let model = ExampleNetwork.load().model
        let hubs = VPCGrouping.hubs(of: model)
        let tgw = model.transitGateways[0].id
        #expect(model.vpcs.allSatisfy { hubs[$0.id] == [tgw] }, "\(hubs)")
    }
}
