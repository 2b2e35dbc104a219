import Testing

@testable import TunnelscopeModel

/// The model joins subnets to their VPCs in one ordered pass: each VPC gets its region from its
/// first subnet that has one, and each subnet's VPC ID points at the VPC's copy of it.
@Suite struct VPCJoinTests {
    private let source = SourceRef(file: "f", path: "$")

    private func address(_ text: String?) -> UnsafeRawPointer? {
        text?.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    /// A fresh copy of `text` (its own storage, as each file's decoder makes).
    private func copy(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    private func vpc(_ id: String) -> AWSVpc {
        AWSVpc(
            id: copy(id), accountId: nil, region: nil, cidrs: [], isDefault: false, state: nil, tags: [:],
            source: source)
    }

    private func subnet(_ id: String, in vpc: String, zone: String?) -> AWSSubnet {
        AWSSubnet(
            id: id, vpcId: copy(vpc), accountId: nil, cidr: nil, availabilityZone: zone, state: nil, tags: [:],
            source: source)
    }

    @Test func subnetsShareTheirVPCsIDsAndGiveThemTheirRegion() {
        var parts = ModelParts()
        // Out of order, a VPC without subnets, a subnet whose VPC is not exported, a VPC whose
        // first subnet (in ID order) has no zone.
        parts.vpcs = [vpc("vpc-30000000000000003"), vpc("vpc-10000000000000001"), vpc("vpc-20000000000000002")]
        parts.subnets = [
            subnet("subnet-b", in: "vpc-10000000000000001", zone: "eu-west-1b"),
            subnet("subnet-x", in: "vpc-99999999999999999", zone: "ap-south-1a"),
            subnet("subnet-a", in: "vpc-10000000000000001", zone: "eu-west-1a"),
            subnet("subnet-c", in: "vpc-30000000000000003", zone: nil),
            subnet("subnet-d", in: "vpc-30000000000000003", zone: "us-east-2c"),
        ]
        let model = NetworkModel(parts: parts)
        #expect(model.vpcs.map(\.id) == ["vpc-10000000000000001", "vpc-20000000000000002", "vpc-30000000000000003"])
        #expect(model.vpcs.map(\.region) == ["eu-west-1", nil, "us-east-2"])
        for s in model.subnets {
            let owner = model.vpcs.first { $0.id == s.vpcId }
            #expect(s.vpcId == owner?.id ?? "vpc-99999999999999999")
            if let owner { #expect(address(s.vpcId) == address(owner.id), "\(s.id) shares its VPC's ID") }
        }
        #expect(model.subnets.first { $0.id == "subnet-x" }?.vpcId == "vpc-99999999999999999")
        #expect(model.vpc("vpc-30000000000000003")?.region == "us-east-2")
    }

    @Test func aSingleVPCAndSubnet() {
        var parts = ModelParts()
        parts.vpcs = [vpc("vpc-10000000000000001")]
        parts.subnets = [subnet("subnet-10000000000000001", in: "vpc-10000000000000001", zone: "us-east-1a")]
        let model = NetworkModel(parts: parts)
        #expect(address(model.subnets[0].vpcId) == address(model.vpcs[0].id))
        #expect(model.vpcs[0].region == "us-east-1")
    }
}
