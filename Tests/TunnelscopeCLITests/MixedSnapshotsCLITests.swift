import Foundation
import Testing
import TunnelscopeExample
import TunnelscopeTestSupport

/// The story: two folders of one network, before and after a VPN connection moved from a
/// virtual private gateway to the Transit Gateway, given to `check` together. It used to merge
/// them silently; now the conflicts name both files and both values, and one line says the input
/// looks like two snapshots and points to `tunnelscope diff`.
@Suite struct MixedSnapshotsCLITests {
    static let moved = "vpn-0bb22cc33dd44ee55"
    static let vgw = "vgw-0abc1234567890def"

    /// Writes the example as `root/before` (the connection on a VGW, a route table propagating
    /// it) and `root/after` (as exported after the move).
    static func writeStory(in root: URL) throws {
        for (side, before) in [("before", true), ("after", false)] {
            for file in ExampleNetwork.files {
                var text = String(decoding: file.bytes, as: UTF8.self)
                if before, file.name.hasSuffix("aws-111122223333/describe-vpn-connections.json") {
                    text = JSONEdit.updating(
                        text, key: "VpnConnections", where: { $0["VpnConnectionId"] as? String == moved }
                    ) {
                        $0.removeValue(forKey: "TransitGatewayId")
                        $0["VpnGatewayId"] = vgw
                    }
                }
                if before, file.name.hasSuffix("aws-111122223333/describe-route-tables.json") {
                    text = JSONEdit.updating(text, key: "RouteTables", where: { _ in true }) {
                        $0["PropagatingVgws"] = [["GatewayId": vgw]]
                    }
                }
                let url = root.appendingPathComponent(side).appendingPathComponent(file.name)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunnelscope-mix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func checkSaysTwoSnapshotsAndListsEachConflict() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeStory(in: root)
        let before = root.appendingPathComponent("before").path
        let after = root.appendingPathComponent("after").path
        let binary = BinaryRunner.tunnelscopeURL()

        let text = try BinaryRunner.run(binary, ["check", before, after], timeout: 60)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let header = lines.prefix(8).joined(separator: "\n")
        #expect(
            header.contains("The input looks like two snapshots of one network")
                && header.contains("tunnelscope diff BEFORE AFTER") && header.contains(after)
                && header.contains(before),
            "\(header)")
        let conflict = try #require(lines.first { $0.contains("VpnConnection \(Self.moved)") }, "\(text.stdout)")
        for part in [
            "transitGatewayId: \"tgw-0a1b2c3d4e5f60718\" (kept) ≠ none", "vpnGatewayId: none (kept) ≠ \"\(Self.vgw)\"",
            "\(after)/example/aws-111122223333/describe-vpn-connections.json $.VpnConnections[1]",
            "\(before)/example/aws-111122223333/describe-vpn-connections.json $.VpnConnections[1]",
        ] {
            #expect(conflict.contains(part), "\(part) missing from: \(conflict)")
        }
        #expect(lines.contains { $0.hasPrefix("Conflicting copies") && $0.hasSuffix("(3):") }, "\(text.stdout)")
        // No manifest: the age is estimated from the files' times, and said to be.
        #expect(lines.contains { $0.hasPrefix("Exported AWS: ≈ ") && $0.contains("modification times") })

        let json = try BinaryRunner.run(binary, ["check", "--format", "json", before, after], timeout: 60)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let load = try #require(document["load"] as? [String: Any])
        #expect(load["conflictsTotal"] as? Int == 3)
        let mixed = try #require(load["mixedSnapshots"] as? [String: Any])
        #expect(mixed["keptFrom"] as? String == after && mixed["droppedFrom"] as? String == before)
        #expect(mixed["kinds"] as? [String] == ["RouteTable", "VpnConnection"])
        let conflicts = try #require(load["conflicts"] as? [[String: Any]])
        let vpn = try #require(conflicts.first { $0["id"] as? String == Self.moved })
        let fields = try #require(vpn["fields"] as? [[String: String]])
        #expect(fields.contains { $0["name"] == "vpnGatewayId" && $0["dropped"] == "\"\(Self.vgw)\"" })
        let provenance = try #require(load["provenance"] as? [String: Any])
        let exports = try #require(provenance["exports"] as? [[String: Any]])
        #expect(exports.map { $0["cloud"] as? String } == ["aws", "gcp"])
        #expect(exports.allSatisfy { $0["source"] as? String == "file-times" && $0["estimated"] as? Bool == true })
    }

    /// Two copies of one snapshot: duplicates, counted, and nothing said about mixing.
    @Test func identicalCopiesAreQuiet() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeStory(in: root)
        let after = root.appendingPathComponent("after")
        try FileManager.default.copyItem(at: after, to: root.appendingPathComponent("copy"))
        let text = try BinaryRunner.run(
            BinaryRunner.tunnelscopeURL(), ["check", after.path, root.appendingPathComponent("copy").path],
            timeout: 60)
        #expect(text.stdout.contains("duplicates merged"))
        #expect(!text.stdout.contains("snapshots"), "\(text.stdout)")
        #expect(!text.stdout.contains("Conflicting copies"), "\(text.stdout)")
    }
}
