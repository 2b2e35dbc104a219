import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeCLI

/// Every command line the tool prints (the plan's, and those in findings' hints) pasted into a
/// shell whose `aws` and `gcloud` only record their arguments: nothing runs, and each argument
/// arrives exactly as the exports spelled it — with names built to break out of the quoting.
@Suite struct ShellQuotingTests {
    static let cgwInjection = "x'$(touch PWNED)'"
    static let cgwApostrophe = "Bob's VPN"
    static let network = "n;touch${IFS}PWNED;"
    static let autoNetwork = "default;touch${IFS}PWNED"
    static let tunnel = "t2 $(touch PWNED) `touch PWNED` \"q\" \\ back"
    static let controlTunnel = "t3\u{1B}]0;T\u{7}'x\u{202E}"
    static let routeTable = "rtb-0a7c'$(touch PWNED)'"

    static func json(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return String(String(decoding: data, as: UTF8.self).dropFirst(2).dropLast(2))
    }

    static func renameGCP(_ text: String) -> String {
        text.replacingOccurrences(of: "networks/hub-vpc\"", with: "networks/\(json(network))\"")
            .replacingOccurrences(of: "\"name\": \"hub-vpc\"", with: "\"name\": \"\(json(network))\"")
            .replacingOccurrences(of: "networks/default\"", with: "networks/\(json(autoNetwork))\"")
            .replacingOccurrences(of: "aws-tunnel-2", with: json(tunnel))
            .replacingOccurrences(of: "aws-tunnel-3", with: json(controlTunnel))
    }

    static let result: LoadResult = {
        var edits: Variants.Edits = [
            (
                Variants.customerGateways,
                { text in
                    JSONEdit.updating(text, key: "CustomerGateways", where: { _ in true }) { cgw in
                        let names = ["cgw-0c1c2c3c4c5c6c7c8": cgwInjection, "cgw-0d1d2d3d4d5d6d7d8": cgwApostrophe]
                        guard let name = names[cgw["CustomerGatewayId"] as? String ?? ""] else { return }
                        cgw["Tags"] = [["Key": "Name", "Value": name]]
                    }
                }
            ),
            (
                Variants.networks,
                { text in
                    renameGCP(
                        JSONEdit.updating(text, where: { $0["name"] as? String == "default" }) {
                            $0["name"] = autoNetwork
                        })
                }
            ),
        ]
        for file in [
            Variants.routers, Variants.routerStatus, Variants.haGateways, Variants.subnets, Variants.gcpRoutes,
            Variants.gcpTunnels, "gcp-svc-prj-a/redis-instances-list.json",
        ] {
            edits.append((file, { renameGCP($0) }))
        }
        edits.append(
            (Variants.routeTables, { $0.replacingOccurrences(of: "rtb-0a7c3e9f1b5d2a468", with: json(routeTable)) }))
        return Variants.load(edits)
    }()

    /// Runs `line` in `shell` with recording `aws` and `gcloud` functions, in an empty folder.
    /// Returns the arguments of each call, and every file the line left in the folder.
    static func paste(_ line: String, shell: String) throws -> (status: Int32, calls: [[String]], files: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paste-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = #"""
            record() { c=$(( $(cat .calls 2>/dev/null || echo 0) + 1 )); echo "$c" > .calls; n=0
              for a in "$@"; do n=$((n + 1)); printf '%s' "$a" > ".call$c.arg$n"; done; }
            aws() { record aws "$@"; }
            gcloud() { record gcloud "$@"; }
            """#
        let result = try BinaryRunner.run(
            URL(fileURLWithPath: shell), ["-c", record + "\n" + line], environment: ["PATH": "/usr/bin:/bin"],
            currentDirectory: folder, timeout: 10)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var calls: [[String]] = []
        let count =
            Int(
                (try? String(contentsOf: folder.appendingPathComponent(".calls"), encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0
        for c in stride(from: 1, through: count, by: 1) {
            var args: [String] = []
            var n = 1
            while let data = FileManager.default.contents(
                atPath: folder.appendingPathComponent(".call\(c).arg\(n)").path)
            {
                args.append(String(decoding: data, as: UTF8.self))
                n += 1
            }
            calls.append(args)
        }
        return (result.status, calls, names.filter { !$0.hasPrefix(".call") })
    }

    static func commands(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("$ ") ? String(trimmed.dropFirst(2)) : nil
        }
    }

    @Test func planCommandsPasteExactly() throws {
        let plan = Analysis(model: Self.result.model).plan
        let text = PlanText.render(plan, origin: "variant")
        let lines = Self.commands(in: text)
        #expect(lines.count > 20)
        // The JSON carries the same command lines.
        let json = PlanJSON.render(plan, origin: "variant")
        for line in lines { #expect(json.contains(Self.json(line).replacingOccurrences(of: "\\/", with: "/"))) }
        var arguments: [String] = []
        for line in lines {
            // Lines without a control character are plain POSIX sh; $'…' needs bash, zsh or ksh.
            let shells = line.contains("$'") ? ["/bin/bash"] : ["/bin/sh", "/bin/bash"]
            for shell in shells {
                let pasted = try Self.paste(line, shell: shell)
                #expect(pasted.status == 0, "\(shell): \(line)")
                #expect(pasted.files.isEmpty, "\(shell) created \(pasted.files): \(line)")
                #expect(pasted.calls.count == 1, "\(shell): one aws/gcloud call: \(line)")
                arguments += pasted.calls.flatMap { $0 }
            }
        }
        for name in [Self.network, Self.tunnel, Self.controlTunnel] {
            #expect(arguments.contains(name), "\(name.debugDescription) arrives as one exact argument")
        }
        let tags = arguments.filter { $0.hasPrefix(#"[{"ResourceType":"customer-gateway""#) }.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [[String: Any]]
        }.compactMap { (($0.first?["Tags"] as? [[String: String]])?.first)?["Value"] }
        #expect(Set(tags) == [Self.cgwInjection, Self.cgwApostrophe])
        #expect(!text.contains("Zk3x_example_psk"), "keys are read into variables, never printed")
        #expect(Hostile.violations(in: text).isEmpty, "the control characters are escaped in the printed line")
    }

    @Test func controlCharactersInANameStayExactAndOffTheScreen() throws {
        let result = Hostile.load()
        let text = PlanText.render(Analysis(model: result.model).plan, origin: "hostile")
        let lines = Self.commands(in: text).filter { $0.contains("create-customer-gateway") }
        #expect(lines.count == 2)
        #expect(Hostile.violations(in: text).isEmpty)
        for line in lines {
            #expect(!line.contains("$'"), "the JSON argument is printable: plain single quotes")
            let pasted = try Self.paste(line, shell: "/bin/sh")
            let tags = try #require(pasted.calls.first?.last)
            let value = try #require(
                ((try JSONSerialization.jsonObject(with: Data(tags.utf8)) as? [[String: Any]])?.first?["Tags"]
                    as? [[String: String]])?.first?["Value"])
            #expect(value.hasSuffix(Hostile.payload), "\(value.debugDescription)")
        }
    }

    @Test func hintCommandsPasteExactly() throws {
        let findings = Analysis(model: Self.result.model, report: Self.result.report).findings
        // The command inside "(…)" of the auto-mode and blackhole hints.
        let hints = findings.compactMap(\.hint).filter {
            $0.contains("gcloud compute networks delete") || $0.contains("aws ec2 delete-route")
        }
        #expect(hints.count == 2, "\(hints)")
        for hint in hints {
            let start = try #require(hint.range(of: "(gcloud ") ?? hint.range(of: "(aws "))
            let end = try #require(
                hint.range(of: ") or ", range: start.upperBound..<hint.endIndex)
                    ?? hint.range(of: "), or ", range: start.upperBound..<hint.endIndex))
            let line = String(hint[hint.index(after: start.lowerBound)..<end.lowerBound])
            for shell in ["/bin/sh", "/bin/bash"] {
                let pasted = try Self.paste(line, shell: shell)
                #expect(pasted.status == 0 && pasted.files.isEmpty, "\(shell): \(line)")
                let args = try #require(pasted.calls.first)
                #expect(args.contains(Self.autoNetwork) || args.contains(Self.routeTable), "\(args)")
            }
        }
    }
}
