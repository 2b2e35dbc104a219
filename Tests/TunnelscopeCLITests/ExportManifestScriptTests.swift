import Foundation
import Testing
import TunnelscopeExample

/// scripts/export-gcp.sh writes tunnelscope-manifest.json beside the files (when, which gcloud,
/// which project and regions, each command with its exit code and first error line), and
/// `tunnelscope check` reads it back. gcloud is a stub on PATH that prints the built-in example's
/// files and fails where a real one would.
@Suite struct ExportManifestScriptTests {
    /// A gcloud that answers from `fixtures` (the example's host-project files), fails
    /// `vpn-tunnels list` (no permission) and `routes list` (an error that mentions a secret),
    /// and, as most projects, has no Shared VPC role and no Memorystore API.
    static func writeStub(bin: URL, fixtures: URL) throws {
        let script = """
            #!/usr/bin/env bash
            f='\(fixtures.path)'
            case "$*" in
              version*) echo 'Google Cloud SDK 999.1.0'; echo 'core 2026.11.01' ;;
              "compute networks list "*) cat "$f/networks-list.json" ;;
              "compute networks subnets list "*) cat "$f/subnets-list.json" ;;
              "compute external-vpn-gateways list "*) cat "$f/external-vpn-gateways-list.json" ;;
              "compute vpn-gateways list "*) cat "$f/vpn-gateways-list.json" ;;
              "compute routers list "*) cat "$f/routers-list.json" ;;
              "compute routers get-status "*) cat "$f/routers-get-status-cr-aws.json" ;;
              "compute vpn-tunnels list "*)
                printf 'ERROR: (gcloud.compute.vpn-tunnels.list) PERMISSION_DENIED: \\033[31mRequired\\033[0m compute.vpnTunnels.list\\nsecond line\\n' >&2
                exit 1 ;;
              "compute routes list "*) echo 'ERROR: invalid sharedSecret hunter2 in request' >&2; exit 2 ;;
              *) echo "ERROR: (gcloud) API not enabled for $1" >&2; exit 1 ;;
            esac
            """
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let url = bin.appendingPathComponent("gcloud")
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        for file in ExampleNetwork.files where file.name.contains("/gcp-net-host-prj/") {
            try Data(file.bytes).write(
                to: fixtures.appendingPathComponent(URL(fileURLWithPath: file.name).lastPathComponent))
        }
        let gateways = fixtures.appendingPathComponent("vpn-gateways-list.json")
        if !FileManager.default.fileExists(atPath: gateways.path) { try Data("[]".utf8).write(to: gateways) }
    }

    @Test func gcpExportWritesAManifestThatCheckReadsBack() throws {
        let bash = try #require(BinaryRunner.which("bash"))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tunnelscope-gcp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bin = scratch.appendingPathComponent("bin")
        try Self.writeStub(bin: bin, fixtures: scratch.appendingPathComponent("fixtures"))
        let out = scratch.appendingPathComponent("export")
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let before = Date().addingTimeInterval(-1)
        let export = try BinaryRunner.run(
            bash,
            [
                BinaryRunner.repositoryRoot.appendingPathComponent("scripts/export-gcp.sh").path, "--project",
                "net-host-prj", "--region", "us-east4", "-o", out.path,
            ],
            environment: BinaryRunner.environment(adding: ["PATH": path]), timeout: 60)
        try #require(export.status == 0, "export-gcp.sh failed (\(export.status)):\n\(export.stderr)")
        let folder = out.appendingPathComponent("gcp-net-host-prj")
        let manifestURL = folder.appendingPathComponent("tunnelscope-manifest.json")
        let manifestText = try String(contentsOf: manifestURL, encoding: .utf8)
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any], "\(manifestText)")
        #expect(manifest["tunnelscopeManifest"] as? Int == 1 && manifest["cloud"] as? String == "gcp")
        #expect(manifest["tool"] as? String == "export-gcp.sh")
        #expect(manifest["cli"] as? [String: String] == ["name": "gcloud", "version": "Google Cloud SDK 999.1.0"])
        #expect(
            manifest["projects"] as? [String] == ["net-host-prj"] && manifest["regions"] as? [String] == ["us-east4"])
        let formatter = ISO8601DateFormatter()
        let started = try #require((manifest["startedAt"] as? String).flatMap(formatter.date(from:)))
        let finished = try #require((manifest["finishedAt"] as? String).flatMap(formatter.date(from:)))
        #expect(
            started >= before.addingTimeInterval(-1) && started <= finished && finished <= Date().addingTimeInterval(1))

        let commands = try #require(manifest["commands"] as? [[String: Any]])
        func command(_ part: String) -> [String: Any]? {
            commands.first { ($0["command"] as? String ?? "").contains(part) }
        }
        let networks = try #require(command("compute networks list"))
        #expect(networks["exitCode"] as? Int == 0 && networks["file"] as? String == "networks-list.json")
        #expect(
            networks["command"] as? String
                == "gcloud compute networks list --project net-host-prj --format=json --quiet")
        let tunnels = try #require(command("vpn-tunnels list"))
        #expect(tunnels["exitCode"] as? Int == 1 && tunnels["file"] is NSNull && tunnels["optional"] as? Bool == false)
        // The first line(s) of stderr, on one line, control characters dropped.
        let error = try #require(tunnels["error"] as? String)
        #expect(error.hasPrefix("ERROR: (gcloud.compute.vpn-tunnels.list) PERMISSION_DENIED: [31mRequired"), "\(error)")
        #expect(!error.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(error)")
        // An error that mentions a secret is withheld.
        let routes = try #require(command("routes list"))
        #expect(routes["exitCode"] as? Int == 2)
        #expect(!manifestText.contains("hunter2"))
        #expect((routes["error"] as? String ?? "").contains("withheld"))
        // Expected failures are marked optional; every file written is named.
        #expect(command("shared-vpc associated-projects")?["optional"] as? Bool == true)
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        let named = Set(commands.compactMap { $0["file"] as? String })
        #expect(named == files.subtracting(["tunnelscope-manifest.json"]), "\(files) vs \(named)")

        // check reads it back: the GCP export's time, and the two commands that failed.
        let binary = BinaryRunner.tunnelscopeURL()
        let check = try BinaryRunner.run(binary, ["check", "--format", "json", out.path], timeout: 60)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let load = try #require(document["load"] as? [String: Any])
        let unknown = (load["skipped"] as? [[String: Any]] ?? []).filter {
            ($0["file"] as? String ?? "").hasSuffix("tunnelscope-manifest.json")
        }
        #expect(unknown.isEmpty, "the manifest is not an unknown file: \(unknown)")
        let exports = try #require((load["provenance"] as? [String: Any])?["exports"] as? [[String: Any]])
        #expect(exports.count == 1 && exports.first?["cloud"] as? String == "gcp")
        #expect(exports.first?["source"] as? String == "manifest")
        #expect(exports.first?["startedAt"] as? String == manifest["startedAt"] as? String)
        let text = try BinaryRunner.run(binary, ["check", out.path], timeout: 60)
        #expect(text.stdout.contains("Exported GCP: "), "\(text.stdout)")
        #expect(text.stdout.contains("2 export commands failed"), "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "gcloud compute vpn-tunnels list --regions=us-east4 --project net-host-prj --format=json --quiet (exit 1)"
            ))
        #expect(!text.stdout.contains("hunter2") && !text.stdout.contains("\u{1B}"))
    }
}
