import Foundation
import Testing
import TunnelscopeTestSupport

/// The real binary on the healthy network (written from the API references): `check` exits 0
/// with no error, `path` exits 0 both ways, in both router-status shapes.
@Suite struct HealthyNetworkCLITests {
    static let folder = FixtureNetworks.root.appendingPathComponent("healthy").path

    /// The healthy folder with its router status replaced by the `nextHopIp`-only variant, copied to a temporary folder.
    static func nextHopIpOnly() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("healthy-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: folder, toPath: copy.path)
        let status = "gcp-corvid-net-host/routers-get-status-cr-ew1-aws-europe-west1.json"
        try FileManager.default.removeItem(at: copy.appendingPathComponent(status))
        try FileManager.default.copyItem(
            at: FixtureNetworks.root.appendingPathComponent(
                "healthy-variants/nexthop-ip-only/routers-get-status-cr-ew1-aws-europe-west1.json"),
            to: copy.appendingPathComponent(status))
        return copy.path
    }

    @Test func checkAndPathSucceedInBothShapes() throws {
        let ipOnly = try Self.nextHopIpOnly()
        defer { try? FileManager.default.removeItem(atPath: ipOnly) }
        let binary = BinaryRunner.tunnelscopeURL()
        for folder in [Self.folder, ipOnly] {
            let check = try BinaryRunner.run(binary, ["check", folder], timeout: 60)
            #expect(check.status == 0, "\(folder): \(check.stdout.suffix(800))")
            #expect(check.stdout.contains("Findings: 1 info"))
            #expect(check.stdout.contains("Cross-cloud tunnels: 4 (4 carry routes, 0 down, 0 BGP sessions down)"))
            let path = try BinaryRunner.run(binary, ["path", "prod-core", "ew4-apps", folder], timeout: 60)
            #expect(path.status == 0, "\(path.stdout)")
            #expect(path.stdout.contains("reachable both ways"))
        }
    }
}
