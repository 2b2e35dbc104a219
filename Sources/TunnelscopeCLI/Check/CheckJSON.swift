import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeText

/// `check --format json`: the contract scripts and tests rely on (schemaVersion 1).
/// Fields may be added; none is renamed or removed without a new schemaVersion.
struct CheckJSON {
    let result: LoadResult
    let analysis: Analysis
    /// The `--fail` what-if; the document has a `whatIf` object only when it is given.
    var whatIf: FailureOutcome?

    init(result: LoadResult, analysis: Analysis? = nil, whatIf: FailureOutcome? = nil) {
        self.result = result
        self.analysis = analysis ?? Analysis(model: result.model, report: result.report)
        self.whatIf = whatIf
    }

    /// The analysis's findings, the load report's (`incomplete-input`) among them.
    var findings: [TunnelscopeAnalysis.Finding] { analysis.findings }

    struct Document: Encodable {
        let schemaVersion = 1
        let origin: String
        let load: Load
        let summary: Summary
        let tunnels: [Tunnel]
        let findings: [Finding]
        let whatIf: WhatIfJSON?

        enum CodingKeys: String, CodingKey { case schemaVersion, origin, load, summary, tunnels, findings, whatIf }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(schemaVersion, forKey: .schemaVersion)
            try c.encode(origin, forKey: .origin)
            try c.encode(load, forKey: .load)
            try c.encode(summary, forKey: .summary)
            try c.encode(tunnels, forKey: .tunnels)
            try c.encode(findings, forKey: .findings)
            try c.encodeIfPresent(whatIf, forKey: .whatIf)  // absent without --fail
        }
    }

    struct Load: Encodable {
        let files: Int
        let filesLoaded: Int
        let resources: Int
        let resourcesLoaded: Int
        let duplicates: Int
        let skipped: [Skipped]
        let warnings: [Skipped]
        let notes: [Skipped]
    }

    struct Skipped: Encodable {
        let file: String
        let path: String?
        let reason: String
    }

    struct Summary: Encodable {
        let awsAccounts, gcpProjects, awsVpcs, gcpNetworks, onPremSites: Int
        let tunnels, crossCloudTunnels, tunnelsDown, bgpSessionsDown: Int
        /// Findings per severity.
        let findings: FindingCounts
    }

    struct FindingCounts: Encodable {
        let error, warning, info: Int
    }

    struct Tunnel: Encodable {
        let id: String
        let kind: String
        let sides: String
        let site: String?
        let aws: AWSEnd?
        let gcp: GCPEnd?
        let verdict: Verdict?

        enum CodingKeys: String, CodingKey { case id, kind, sides, site, aws, gcp, verdict }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(sides, forKey: .sides)
            try c.encodeIfPresent(site, forKey: .site)
            try c.encode(aws, forKey: .aws)  // null when absent: part of the contract
            try c.encode(gcp, forKey: .gcp)
            try c.encodeIfPresent(verdict, forKey: .verdict)
        }
    }

    /// The analysis' verdict on the tunnel (what the explorer shows): added in schemaVersion 1.
    struct Verdict: Encodable {
        let health: String
        let carries: Bool
        let state: String
        let summary: String
        let ipsec: Sides
        let bgp: Sides
        let awsAcceptedRoutes: Int?
        let gcpLearnedRoutes: Int?
        let disagreements: [Disagreement]

        struct Sides: Encodable { let aws, gcp: String }
        struct Disagreement: Encodable { let layer, text, rule: String }
    }

    struct AWSEnd: Encodable {
        let vpnConnectionId: String
        let tunnel: Int
        let outsideIp: String
        let insideCidr: String?
        let awsInsideIp: String?
        let customerInsideIp: String?
        let insideAddressSource: String?
        let status: String
        let acceptedRoutes: Int?
        let customerGatewayId: String?
        let customerGatewayIp: String?
        let amazonSideAsn: Int?
        let attachedTo: String?
    }

    struct GCPEnd: Encodable {
        let project: String
        let region: String?
        let name: String
        let haGateway: String?
        let haGatewayInterface: Int?
        let haInterfaceIp: String?
        let peerGateway: String?
        let peerGatewayInterface: Int?
        let peerIp: String?
        let status: String?
        let router: String?
        let routerAsn: Int?
        let routerInterfaceIpRange: String?
        let bgpPeer: String?
        let bgpPeerIp: String?
        let bgpPeerAsn: Int?
        let bgpStatus: String?
    }

    /// One analysis finding. `hint` is omitted when the rule has none.
    struct Finding: Encodable {
        let rule: String
        let severity: String
        let message: String
        let resources: [String]
        let hint: String?
    }

    func document() -> Document {
        let model = result.model
        let report = result.report
        func message(_ m: LoadMessage) -> Skipped { Skipped(file: m.file, path: m.path, reason: m.text) }
        let fileSkips = report.files.filter { $0.outcome != .loaded && $0.outcome != .unrecognized }
            .map { Skipped(file: $0.file, path: nil, reason: $0.reason ?? $0.outcome.rawValue) }
        return Document(
            origin: result.origin,
            load: Load(
                files: report.files.count, filesLoaded: report.loadedFiles.count, resources: report.resourcesSeen,
                resourcesLoaded: report.resourcesLoaded, duplicates: report.duplicates,
                skipped: fileSkips.filter { !$0.reason.hasPrefix("invalid JSON") } + report.skipped.map(message),
                warnings: report.warnings.map(message), notes: report.notes.map(message)),
            summary: InventorySummary(model: model, analysis: analysis).json,
            tunnels: model.tunnels.map { Self.tunnel($0, analysis.verdicts.tunnel($0.id)) },
            findings: findings.map {
                Finding(
                    rule: $0.rule, severity: $0.severity.rawValue, message: $0.message, resources: $0.resources,
                    hint: $0.hint)
            },
            whatIf: whatIf.map(WhatIfJSON.init))
    }

    static func tunnel(_ t: PhysicalTunnel, _ verdict: TunnelVerdict?) -> Tunnel {
        let aws = t.aws.map { a in
            AWSEnd(
                vpnConnectionId: a.vpnConnectionId, tunnel: a.tunnelNumber, outsideIp: "\(a.tunnel.outsideIp)",
                insideCidr: a.tunnel.insideCidr?.description, awsInsideIp: a.tunnel.awsInsideIp?.description,
                customerInsideIp: a.tunnel.customerInsideIp?.description,
                insideAddressSource: a.tunnel.insideAddressSource?.rawValue, status: a.tunnel.status.rawValue,
                acceptedRoutes: a.tunnel.acceptedRouteCount, customerGatewayId: a.customerGatewayId,
                customerGatewayIp: a.customerGatewayIp?.description, amazonSideAsn: a.amazonSideAsn,
                attachedTo: a.transitGatewayId ?? a.vpnGatewayId)
        }
        let gcp = t.gcp.map { g in
            GCPEnd(
                project: g.tunnel.ref.project, region: g.tunnel.ref.region, name: g.tunnel.name,
                haGateway: g.haGateway?.name, haGatewayInterface: g.haInterface,
                haInterfaceIp: g.haInterfaceIp?.description,
                peerGateway: g.peerGateway?.name, peerGatewayInterface: g.peerInterface, peerIp: g.peerIp?.description,
                status: g.tunnel.status, router: g.router?.name, routerAsn: g.routerAsn,
                routerInterfaceIpRange: g.routerInterface?.ipRange?.description, bgpPeer: g.bgpPeer?.name,
                bgpPeerIp: g.bgpPeer?.peerIpAddress?.description, bgpPeerAsn: g.bgpPeer?.peerAsn, bgpStatus: g.bgpStatus
            )
        }
        let verdict = verdict.map { v in
            Verdict(
                health: "\(v.health)", carries: v.carries, state: v.word, summary: v.summary,
                ipsec: .init(aws: v.state.awsTunnel.rawValue, gcp: v.state.gcpTunnel.rawValue),
                bgp: .init(aws: v.state.awsBGP.rawValue, gcp: v.state.gcpBGP.rawValue),
                awsAcceptedRoutes: v.state.awsAcceptedRoutes, gcpLearnedRoutes: v.state.gcpLearnedRoutes,
                disagreements: v.disagreements.map { .init(layer: $0.layer, text: $0.text, rule: $0.rule) })
        }
        return Tunnel(
            id: t.id, kind: t.kind.rawValue, sides: t.sides.rawValue, site: t.siteName, aws: aws, gcp: gcp,
            verdict: verdict)
    }

    func render() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document())) ?? Data("{}".utf8)
        // C1, bidi and invisible format characters as \uXXXX too (the encoder escapes C0 only).
        return Sanitizer.json(String(decoding: data, as: UTF8.self))
    }
}
