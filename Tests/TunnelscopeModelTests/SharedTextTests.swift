import Testing

@testable import TunnelscopeModel

/// IDs that other resources name share the named resource's copy, and read the same.
@Suite struct SharedTextTests {
    private func address(_ text: String?) -> UnsafeRawPointer? {
        text?.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func anEqualTextIsPointedAtTheSharedCopy() {
        let shared = SharedText([String(repeating: "vpc-1", count: 4), "short"])
        var copy = String(decoding: Array(String(repeating: "vpc-1", count: 4).utf8), as: UTF8.self)
        let before = address(copy)
        shared.share(&copy)
        #expect(copy == String(repeating: "vpc-1", count: 4))
        var again = String(decoding: Array(copy.utf8), as: UTF8.self)
        shared.share(&again)
        #expect(address(again) == address(copy) && before != nil)
        var other: String? = "vpc-not-in-the-shared-set"
        shared.share(&other)
        #expect(other == "vpc-not-in-the-shared-set")
        var none: String? = nil
        shared.share(&none)
        #expect(none == nil)
    }

    /// Subnets share their VPC's ID (they come in runs of one VPC once sorted: one lookup a VPC).
    /// A TGW attachment keeps its own copy: sharing every attachment's, route table's and TGW
    /// route's IDs saved ~1% of the memory and cost a lookup each, slower per item the larger
    /// the network (the set outgrows the cache).
    @Test func subnetsShareTheirVPCsIDs() {
        let source = SourceRef(file: "f", path: "$")
        var parts = ModelParts()
        let vpcId = String(decoding: Array("vpc-10000000000000001".utf8), as: UTF8.self)
        parts.vpcs = [
            AWSVpc(
                id: vpcId, accountId: nil, region: nil, cidrs: [], isDefault: false, state: nil, tags: [:],
                source: source)
        ]
        parts.subnets = [
            AWSSubnet(
                id: "subnet-10000000000000001", vpcId: String(decoding: Array(vpcId.utf8), as: UTF8.self),
                accountId: nil, cidr: nil, availabilityZone: "us-east-1a", state: nil, tags: [:], source: source)
        ]
        parts.tgwAttachments = [
            TGWAttachment(
                id: "tgw-attach-10000000000000001", transitGatewayId: "tgw-1", resourceType: "vpc",
                resourceId: String(decoding: Array(vpcId.utf8), as: UTF8.self), resourceOwnerId: nil, state: nil,
                associatedRouteTableId: nil, subnetIds: [], tags: [:], source: source)
        ]
        let model = NetworkModel(parts: parts)
        #expect(model.subnets[0].vpcId == vpcId && model.tgwAttachments[0].resourceId == vpcId)
        #expect(address(model.subnets[0].vpcId) == address(model.vpcs[0].id))
        #expect(model.vpcs[0].region == "us-east-1")
    }
}
