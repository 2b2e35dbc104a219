import Foundation
import Testing

/// The real export path end to end: the real `aws` CLI creates a hybrid-network AWS side in a
/// real `moto_server` (scripts/moto-populate.sh), scripts/export-aws.sh exports it, and the
/// built `tunnelscope` binary reads the export.
///
/// Needs `moto_server` (pip install 'moto[server]') and `aws` (pip install awscli) on PATH; CI
/// installs both. Without them the test fails, unless TUNNELSCOPE_SKIP_MOTO=1 is set.
@Suite struct MotoIntegrationTests {
    static let skipped = ProcessInfo.processInfo.environment["TUNNELSCOPE_SKIP_MOTO"] == "1"

    @Test(.enabled(if: !skipped, "TUNNELSCOPE_SKIP_MOTO=1 is set"), .timeLimit(.minutes(10)))
    func awsExportFromMotoLoadsInTunnelscope() throws {
        var missing: [String] = []
        let moto = BinaryRunner.which("moto_server")
        let aws = BinaryRunner.which("aws")
        let bash = BinaryRunner.which("bash")
        if moto == nil { missing.append("moto_server (pip install 'moto[server]')") }
        if aws == nil { missing.append("aws (pip install awscli)") }
        if bash == nil { missing.append("bash") }
        guard let moto, aws != nil, let bash else {
            Issue.record(
                "not on PATH: \(missing.joined(separator: ", ")). Install them, or set TUNNELSCOPE_SKIP_MOTO=1 to skip this test."
            )
            return
        }
        let root = BinaryRunner.repositoryRoot
        let scripts = root.appendingPathComponent("scripts")

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tunnelscope-moto-\(UUID().uuidString)")
        let home = scratch.appendingPathComponent("home")
        let exportDir = scratch.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        // 1. moto_server on a free port (retried: the port can be taken between pick and bind).
        var server: BinaryRunner.Background?
        var port: UInt16 = 0
        defer { server?.stop() }
        for attempt in 1...3 {
            port = try BinaryRunner.freeTCPPort()
            let log = scratch.appendingPathComponent("moto-\(attempt).log")
            let candidate = try BinaryRunner.start(moto, ["-H", "127.0.0.1", "-p", "\(port)"], log: log)
            if BinaryRunner.waitForPort(port, timeout: 30, stillStarting: { candidate.isRunning }), candidate.isRunning
            {
                server = candidate
                break
            }
            candidate.stop()
            if attempt == 3 {
                Issue.record("moto_server did not start on 127.0.0.1:\(port) within 30 s:\n\(candidate.log)")
                return
            }
        }

        // The aws CLI sees only this test's settings: no user config or credentials leak in.
        let environment = BinaryRunner.environment(
            removingPrefixes: ["AWS_"],
            adding: [
                "HOME": home.path,
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_ENDPOINT_URL": "http://127.0.0.1:\(port)",
                "AWS_PAGER": "",
                "AWS_CONFIG_FILE": home.appendingPathComponent(".aws/config").path,
                "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent(".aws/credentials").path,
                "AWS_EC2_METADATA_DISABLED": "true",
                // moto answers Direct Connect with HTTP 500 (not implemented): do not retry it.
                "AWS_MAX_ATTEMPTS": "1",
            ])

        // 2. Create the resources with the real aws CLI.
        let populate = try BinaryRunner.run(
            bash, [scripts.appendingPathComponent("moto-populate.sh").path],
            environment: environment, timeout: 90)
        try #require(
            populate.status == 0, "moto-populate.sh failed:\n\(populate.stderr)\nmoto log:\n\(server?.log ?? "")")
        var created: [String: String] = [:]
        for line in populate.stdout.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { created[parts[0]] = parts[1] }
        }
        let tgw = try #require(created["tgw"], "no tgw= line in:\n\(populate.stdout)")
        let vpn1 = try #require(created["vpn1"])
        let vpn2 = try #require(created["vpn2"])
        let cgw1 = try #require(created["cgw1"])
        let cgw2 = try #require(created["cgw2"])
        #expect(tgw.hasPrefix("tgw-") && vpn1.hasPrefix("vpn-") && vpn2.hasPrefix("vpn-") && vpn1 != vpn2)

        // 3. Export with the real export script.
        let export = try BinaryRunner.run(
            bash,
            [
                scripts.appendingPathComponent("export-aws.sh").path,
                "-o", exportDir.path, "--region", "us-east-1",
            ],
            environment: environment, timeout: 120)
        try #require(export.status == 0, "export-aws.sh failed (\(export.status)):\n\(export.stderr)")
        #expect(export.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == exportDir.path)
        let folder = exportDir.appendingPathComponent("aws-123456789012-us-east-1")
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        for name in [
            "describe-transit-gateways.json", "describe-transit-gateway-attachments.json",
            "describe-transit-gateway-vpc-attachments.json", "describe-transit-gateway-route-tables.json",
            "describe-vpn-connections.json", "describe-customer-gateways.json", "describe-vpn-gateways.json",
            "describe-vpcs.json", "describe-subnets.json", "describe-route-tables.json",
            "describe-vpc-peering-connections.json",
        ] {
            #expect(files.contains(name), "\(name) missing from \(files.sorted())")
        }
        // Per route table, named after it (the output does not say which table it is for).
        #expect(files.contains { $0.hasPrefix("search-transit-gateway-routes-tgw-rtb-") })
        #expect(files.contains { $0.hasPrefix("get-transit-gateway-route-table-propagations-tgw-rtb-") })
        // Direct Connect: moto does not implement it; a failure is a warning, and leaves no file.
        for name in [
            "directconnect-describe-direct-connect-gateways.json", "directconnect-describe-virtual-interfaces.json",
        ]
        where !files.contains(name) {
            #expect(export.stderr.contains("warning") && export.stderr.contains("directconnect"), "\(export.stderr)")
        }
        #expect(!files.contains { $0.hasPrefix(".") }, "scratch files left behind: \(files.sorted())")

        // The manifest: when, which CLI, which account and region, each command and its outcome.
        let manifestURL = folder.appendingPathComponent("tunnelscope-manifest.json")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any],
            "no readable tunnelscope-manifest.json in \(files.sorted())")
        #expect(manifest["tunnelscopeManifest"] as? Int == 1 && manifest["cloud"] as? String == "aws")
        #expect(manifest["tool"] as? String == "export-aws.sh")
        #expect(
            manifest["accounts"] as? [String] == ["123456789012"] && manifest["regions"] as? [String] == ["us-east-1"])
        let cli = try #require(manifest["cli"] as? [String: String])
        #expect(cli["name"] == "aws" && (cli["version"] ?? "").hasPrefix("aws-cli/"), "\(cli)")
        let started = try #require(manifest["startedAt"] as? String)
        let finished = try #require(manifest["finishedAt"] as? String)
        #expect(started.count == 20 && started.hasSuffix("Z") && started <= finished, "\(started) \(finished)")
        let commands = try #require(manifest["commands"] as? [[String: Any]])
        let written = Set(commands.compactMap { $0["file"] as? String })
        #expect(written == files.filter { $0.hasSuffix(".json") && $0 != "tunnelscope-manifest.json" }, "\(commands)")
        #expect(
            commands.first?["command"] as? String
                == "aws sts get-caller-identity --query Account --output text --region us-east-1")
        for command in commands where (command["exitCode"] as? Int ?? 0) != 0 {
            #expect(command["file"] is NSNull && !((command["error"] as? String) ?? "").isEmpty, "\(command)")
        }

        // The export holds pre-shared keys (moto's configuration XML has one): never printed.
        let vpnText = try String(
            contentsOf: folder.appendingPathComponent("describe-vpn-connections.json"), encoding: .utf8)
        let secrets = Self.preSharedKeys(in: vpnText)
        #expect(!secrets.isEmpty, "expected a pre_shared_key in moto's configuration XML")

        // 4. tunnelscope check --format json.
        let binary = BinaryRunner.tunnelscopeURL()
        let check = try BinaryRunner.run(binary, ["check", "--format", "json", exportDir.path], timeout: 60)
        try #require(check.status == 0, "tunnelscope check --format json exited \(check.status):\n\(check.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any],
            "not a JSON object:\n\(check.stdout)")
        let load = try #require(document["load"] as? [String: Any])
        let skipped = try #require(load["skipped"] as? [Any])
        #expect(skipped.isEmpty, "skipped: \(skipped)")
        #expect(load["filesLoaded"] as? Int == files.filter { $0.hasSuffix(".json") }.count)
        // The manifest is read back as the AWS export's provenance.
        let provenance = try #require(load["provenance"] as? [String: Any])
        let exports = try #require(provenance["exports"] as? [[String: Any]])
        #expect(exports.count == 1 && exports.first?["cloud"] as? String == "aws")
        #expect(exports.first?["source"] as? String == "manifest" && exports.first?["startedAt"] as? String == started)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["awsVpcs"] as? Int == 3, "the two created VPCs plus moto's default VPC: \(summary)")
        #expect(summary["awsAccounts"] as? Int == 1, "\(summary)")
        let tunnels = try #require(document["tunnels"] as? [[String: Any]])
        let awsEnds = tunnels.compactMap { $0["aws"] as? [String: Any] }
        let connectionIds = Set(awsEnds.compactMap { $0["vpnConnectionId"] as? String })
        #expect(connectionIds.isSuperset(of: [vpn1, vpn2]), "tunnels: \(tunnels)")
        #expect(awsEnds.filter { [vpn1, vpn2].contains($0["vpnConnectionId"] as? String ?? "") }.count >= 2)
        let gatewayIds = Set(awsEnds.compactMap { $0["customerGatewayId"] as? String })
        #expect(gatewayIds == [cgw1, cgw2], "customer gateways of the tunnels: \(gatewayIds)")
        let gatewayIps = Set(awsEnds.compactMap { $0["customerGatewayIp"] as? String })
        #expect(gatewayIps == ["35.242.1.10", "35.220.2.20"])
        #expect(Set(awsEnds.compactMap { $0["attachedTo"] as? String }) == [tgw])
        #expect(Set(awsEnds.compactMap { $0["amazonSideAsn"] as? Int }) == [64512])

        // 5. tunnelscope check (text): the inventory names the Transit Gateway.
        let text = try BinaryRunner.run(binary, ["check", exportDir.path], timeout: 60)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains(tgw), "\(text.stdout)")
        #expect(text.stdout.contains("35.242.1.10") && text.stdout.contains("35.220.2.20"))

        for secret in secrets {
            for (what, output) in [
                ("export-aws.sh stdout", export.stdout), ("export-aws.sh stderr", export.stderr),
                ("check --format json", check.stdout), ("check", text.stdout), ("check stderr", text.stderr),
            ] {
                #expect(!output.contains(secret), "a pre-shared key appears in \(what)")
            }
        }
    }

    /// The `<pre_shared_key>` values in describe-vpn-connections output.
    static func preSharedKeys(in text: String) -> Set<String> {
        var keys = Set<String>()
        var rest = Substring(text)
        while let open = rest.range(of: "<pre_shared_key>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "</pre_shared_key>") else { break }
            let key = rest[..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if key.count >= 8 { keys.insert(key) }
            rest = rest[close.upperBound...]
        }
        return keys
    }
}
