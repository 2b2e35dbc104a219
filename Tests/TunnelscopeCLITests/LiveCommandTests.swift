import Foundation
import Testing
import TunnelscopeAnalysis
import TunnelscopeExample
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeRender
import TunnelscopeTerminal
import TunnelscopeTestSupport

/// The handoff to the live clouds: the exact read-only command for each kind of element, and
/// that each pastes into a shell as exactly those arguments, whatever the exports call things
/// (quotes, spaces, `$(…)`, control characters, a leading dash that must not become an option).
@Suite struct LiveCommandTests {
    static let example = ExampleNetwork.load().model

    static func lines(_ id: String, in model: NetworkModel = example) -> [String] {
        LiveCommand.commands(for: id, in: model).map(\.line)
    }

    @Test func theExactCommandForEachKind() {
        let router = "gcloud compute routers get-status cr-aws --region=us-east4 --project=net-host-prj"
        let tunnel = "gcloud compute vpn-tunnels describe aws-tunnel-1 --region=us-east4 --project=net-host-prj"
        let connection =
            "aws ec2 describe-vpn-connections --vpn-connection-ids=vpn-0aa11bb22cc33dd44 --region=us-east-1"
        #expect(Self.lines("tunnel/52.1.20.22") == [connection, tunnel, router])
        #expect(Self.lines("vpn-0aa11bb22cc33dd44") == [connection])
        #expect(
            Self.lines("cgw-0c1c2c3c4c5c6c7c8") == [
                "aws ec2 describe-customer-gateways --customer-gateway-ids=cgw-0c1c2c3c4c5c6c7c8 --region=us-east-1"
            ])
        #expect(
            Self.lines("tgw-0a1b2c3d4e5f60718") == [
                "aws ec2 describe-transit-gateways --transit-gateway-ids=tgw-0a1b2c3d4e5f60718 --region=us-east-1"
            ])
        let host = "projects/net-host-prj"
        #expect(Self.lines("\(host)/regions/us-east4/routers/cr-aws") == [router])
        #expect(Self.lines("\(host)/regions/us-east4/routers/cr-aws/bgpPeers/peer-aws-tunnel-1") == [router])
        let ha = "gcloud compute vpn-gateways describe ha-vpn-aws --region=us-east4 --project=net-host-prj"
        #expect(Self.lines("\(host)/regions/us-east4/vpnGateways/ha-vpn-aws") == [ha])
        #expect(Self.lines("\(host)/regions/us-east4/vpnGateways/ha-vpn-aws#if1") == [ha])
        let peer = "gcloud compute external-vpn-gateways describe aws-tgw-peer --project=net-host-prj"
        #expect(Self.lines("\(host)/global/externalVpnGateways/aws-tgw-peer") == [peer])
        #expect(Self.lines("\(host)/global/externalVpnGateways/aws-tgw-peer#if3") == [peer])
        #expect(
            Self.lines("dxvif-fgabc123") == [
                "aws directconnect describe-virtual-interfaces --virtual-interface-id=dxvif-fgabc123"
            ])
        // Nothing invented for what has no live-state command here.
        #expect(Self.example.vpc("vpc-0a11aa11aa11aa110") != nil && Self.lines("vpc-0a11aa11aa11aa110").isEmpty)
        #expect(
            Self.lines("nothing-by-this-id").isEmpty
                && Self.lines("projects/net-host-prj/global/networks/hub-vpc").isEmpty)
    }

    /// Wild exports: a VGW (the connection says no region, so none is given) and its connection.
    @Test func aVirtualPrivateGatewayFromWildExports() throws {
        let run = try BinaryRunner.run(
            BinaryRunner.tunnelscopeURL(),
            [
                "render", "/work/shared/samples/wild", "--view", "detail", "--select", "vgw-9a4cacf3", "--size",
                "120x60",
            ],
            timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("aws ec2 describe-vpn-gateways --vpn-gateway-ids=vgw-9a4cacf3"), "\(run.stdout)")
        #expect(!run.stdout.contains("--region"), "the exports do not say the VGW's region")
    }

    @Test func everyCommandOnlyReads() {
        let analysis = Analysis(model: Self.example)
        var count = 0
        for entry in analysis.directory.entries {
            for command in LiveCommand.commands(for: entry.id, in: Self.example) {
                count += 1
                let verb = command.arguments[command.arguments[0] == "aws" ? 2 : 3]
                #expect(verb.hasPrefix("describe") || verb == "get-status", "\(command.line)")
                #expect(!command.line.contains("--profile"), "no profile the exports do not name")
            }
        }
        #expect(count >= 15)
    }

    static let hostile: [(plain: String, evil: String)] = [
        ("tgw-0a1b2c3d4e5f60718", "-tgw' x$(touch PWNED)"),
        ("vpn-0aa11bb22cc33dd44", "--vpn \"q\" `touch PWNED`"),
        ("ha-vpn-aws", "--ha vpn'"),
        ("cr-aws", "-cr aws;touch PWNED"),
        ("aws-tgw-peer", "-peer\u{1B}]0;x\u{07}"),
        ("aws-tunnel-1", "-t1 $(touch PWNED)"),
    ]

    static let hostileModel: NetworkModel = {
        let edits: Variants.Edits = ExampleNetwork.files.map { file in
            (
                file.name,
                { text in
                    hostile.reduce(text) {
                        $0.replacingOccurrences(of: $1.plain, with: ShellQuotingTests.json($1.evil))
                    }
                }
            )
        }
        return Variants.model(edits)
    }()

    @Test func hostileNamesPasteAsExactlyTheirArguments() throws {
        let model = Self.hostileModel
        let (tgw, vpn, ha, router, peer, tunnel) = (
            Self.hostile[0].evil, Self.hostile[1].evil, Self.hostile[2].evil, Self.hostile[3].evil,
            Self.hostile[4].evil, Self.hostile[5].evil
        )
        let host = "projects/net-host-prj"
        let gcpFlags = ["--region=us-east4", "--project=net-host-prj", "--"]
        let expected: [(String, [String])] = [
            (tgw, ["aws", "ec2", "describe-transit-gateways", "--transit-gateway-ids=\(tgw)", "--region=us-east-1"]),
            (vpn, ["aws", "ec2", "describe-vpn-connections", "--vpn-connection-ids=\(vpn)", "--region=us-east-1"]),
            (
                "\(host)/regions/us-east4/routers/\(router)",
                ["gcloud", "compute", "routers", "get-status"] + gcpFlags + [router]
            ),
            (
                "\(host)/regions/us-east4/vpnGateways/\(ha)",
                ["gcloud", "compute", "vpn-gateways", "describe"] + gcpFlags + [ha]
            ),
            (
                "\(host)/global/externalVpnGateways/\(peer)",
                ["gcloud", "compute", "external-vpn-gateways", "describe", "--project=net-host-prj", "--", peer]
            ),
        ]
        for (id, arguments) in expected {
            let commands = LiveCommand.commands(for: id, in: model)
            #expect(commands.count == 1, "\(id.debugDescription)")
            guard let command = commands.first else { continue }
            #expect(command.arguments == arguments)
            try expectPastes(command, as: arguments)
        }
        let t = try #require(model.tunnels.first { $0.gcp?.tunnel.name == tunnel })
        let gcp = try #require(LiveCommand.commands(for: t.id, in: model).first { $0.cloud == .gcp })
        #expect(gcp.arguments == ["gcloud", "compute", "vpn-tunnels", "describe"] + gcpFlags + [tunnel])
        try expectPastes(gcp, as: gcp.arguments)
    }

    /// The line, and the lines the detail shows (joined by ` \`), each give these arguments and
    /// nothing else happens (no file made by an injected command).
    func expectPastes(_ command: LiveCommand, as arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        #expect(!command.line.contains("\u{1B}") && !command.line.contains("\u{07}"), "no raw control character")
        for text in [command.line, command.lines.joined(separator: "\n")] {
            let shells = text.contains("$'") ? ["/bin/bash"] : ["/bin/sh", "/bin/bash"]
            for shell in shells {
                let pasted = try ShellQuotingTests.paste(text, shell: shell)
                #expect(pasted.status == 0 && pasted.files.isEmpty, "\(shell): \(text)", sourceLocation: sourceLocation)
                #expect(pasted.calls == [arguments], "\(shell): \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func osc52Encoding() {
        let text = "gcloud compute routers get-status 'cr aws' --region=us-east4"
        let sequence = Clipboard.osc52(text)
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{1B}\\"))
        let payload = String(sequence.dropFirst(7).dropLast(2))
        #expect(payload == "Z2Nsb3VkIGNvbXB1dGUgcm91dGVycyBnZXQtc3RhdHVzICdjciBhd3MnIC0tcmVnaW9uPXVzLWVhc3Q0")
        #expect(Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) } == text)
        #expect(Clipboard.osc52("é") == "\u{1B}]52;c;w6k=\u{1B}\\", "UTF-8 bytes")
        let wrapped = Clipboard.tmuxPassthrough(sequence)
        #expect(wrapped == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(payload)\u{1B}\u{1B}\\\u{1B}\\")
        #expect(Clipboard.sequence(for: text, environment: ["TERM": "xterm-256color"]) == sequence)
        #expect(
            Clipboard.sequence(for: text, environment: ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"])
                == sequence + wrapped)
        #expect(Clipboard.sequence(for: text, environment: ["TERM": "dumb"]) == nil)
        #expect(Clipboard.sequence(for: text, environment: [:]) == nil)
        #expect(Clipboard.unavailable(environment: ["TERM": "linux"]) != nil)
    }
}
