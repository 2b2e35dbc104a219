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

    /// The document; each part writes its members in sorted key order (`PrettyJSON`), as the
    /// `JSONEncoder` with `.sortedKeys` that wrote it before did, so the text is the same.
    /// The findings and the tunnels (thousands in a large network) are written from the analysis
    /// as they are, on the available cores (`PrettyJSON.array(concurrently:)`).
    struct Document: JSONWritable {
        let schemaVersion = 1
        let origin: String
        let load: Load
        let summary: Summary
        let tunnels: [PhysicalTunnel]
        let verdicts: Verdicts
        let findings: [TunnelscopeAnalysis.Finding]
        let whatIf: WhatIfJSON?

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.key("findings")
                o.array(concurrently: findings) { Finding($1).write(to: &$0) }
                o.key("load")
                load.write(to: &o)
                o.field("origin", origin)
                o.field("schemaVersion", schemaVersion)
                o.key("summary")
                summary.write(to: &o)
                o.key("tunnels")
                let verdicts = self.verdicts
                o.array(concurrently: tunnels, partSize: 128) {
                    CheckJSON.tunnel($1, verdicts.tunnel($1.id)).write(to: &$0)
                }
                if let whatIf {  // absent without --fail
                    o.key("whatIf")
                    whatIf.write(to: &o)
                }
            }
        }
    }

    struct Load: JSONWritable {
        let files: Int
        let filesLoaded: Int
        let resources: Int
        let resourcesLoaded: Int
        let duplicates: Int
        let skipped: [Skipped]
        let warnings: [Skipped]
        let notes: [Skipped]
        /// Conflicting copies, the two-snapshots judgement and the exports' provenance.
        let mixing: LoadProvenanceJSON

        func write(to json: inout PrettyJSON) {
            json.object { o in
                mixing.writeConflicts(to: &o)
                o.field("duplicates", duplicates)
                o.field("files", files)
                o.field("filesLoaded", filesLoaded)
                mixing.writeMixedSnapshots(to: &o)
                o.key("notes")
                o.array(notes) { $1.write(to: &$0) }
                mixing.writeProvenance(to: &o)
                o.field("resources", resources)
                o.field("resourcesLoaded", resourcesLoaded)
                o.key("skipped")
                o.array(skipped) { $1.write(to: &$0) }
                o.key("warnings")
                o.array(warnings) { $1.write(to: &$0) }
            }
        }
    }

    struct Skipped: JSONWritable {
        let file: String
        let path: String?
        let reason: String

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("file", file)
                o.field(ifPresent: "path", path)
                o.field("reason", reason)
            }
        }
    }

    struct Summary: JSONWritable {
        let awsAccounts, gcpProjects, awsVpcs, gcpNetworks, onPremSites: Int
        let tunnels, crossCloudTunnels, tunnelsDown, bgpSessionsDown: Int
        /// Findings per severity.
        let findings: FindingCounts

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("awsAccounts", awsAccounts)
                o.field("awsVpcs", awsVpcs)
                o.field("bgpSessionsDown", bgpSessionsDown)
                o.field("crossCloudTunnels", crossCloudTunnels)
                o.key("findings")
                findings.write(to: &o)
                o.field("gcpNetworks", gcpNetworks)
                o.field("gcpProjects", gcpProjects)
                o.field("onPremSites", onPremSites)
                o.field("tunnels", tunnels)
                o.field("tunnelsDown", tunnelsDown)
            }
        }
    }

    struct FindingCounts: JSONWritable {
        let error, warning, info: Int

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field("error", error)
                o.field("info", info)
                o.field("warning", warning)
            }
        }
    }

    struct Tunnel: JSONWritable {
        let id: String
        let kind: String
        let sides: String
        let site: String?
        let aws: AWSEnd?
        let gcp: GCPEnd?
        let verdict: Verdict?

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.key("aws")  // null when absent: part of the contract
                if let aws { aws.write(to: &o) } else { o.null() }
                o.key("gcp")
                if let gcp { gcp.write(to: &o) } else { o.null() }
                o.field("id", id)
                o.field("kind", kind)
                o.field("sides", sides)
                o.field(ifPresent: "site", site)
                if let verdict {
                    o.key("verdict")
                    verdict.write(to: &o)
                }
            }
        }
    }

    /// The analysis' verdict on the tunnel (what the explorer shows): added in schemaVersion 1.
    struct Verdict: JSONWritable {
        let health: String
        let carries: Bool
        let state: String
        let summary: String
        let ipsec: Sides
        let bgp: Sides
        let awsAcceptedRoutes: Int?
        let gcpLearnedRoutes: Int?
        let disagreements: [Disagreement]

        struct Sides: JSONWritable {
            let aws, gcp: String

            func write(to json: inout PrettyJSON) {
                json.object { o in
                    o.field("aws", aws)
                    o.field("gcp", gcp)
                }
            }
        }

        struct Disagreement: JSONWritable {
            let layer, text, rule: String

            func write(to json: inout PrettyJSON) {
                json.object { o in
                    o.field("layer", layer)
                    o.field("rule", rule)
                    o.field("text", text)
                }
            }
        }

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field(ifPresent: "awsAcceptedRoutes", awsAcceptedRoutes)
                o.key("bgp")
                bgp.write(to: &o)
                o.field("carries", carries)
                o.key("disagreements")
                o.array(disagreements) { $1.write(to: &$0) }
                o.field(ifPresent: "gcpLearnedRoutes", gcpLearnedRoutes)
                o.field("health", health)
                o.key("ipsec")
                ipsec.write(to: &o)
                o.field("state", state)
                o.field("summary", summary)
            }
        }
    }

    struct AWSEnd: JSONWritable {
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

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field(ifPresent: "acceptedRoutes", acceptedRoutes)
                o.field(ifPresent: "amazonSideAsn", amazonSideAsn)
                o.field(ifPresent: "attachedTo", attachedTo)
                o.field(ifPresent: "awsInsideIp", awsInsideIp)
                o.field(ifPresent: "customerGatewayId", customerGatewayId)
                o.field(ifPresent: "customerGatewayIp", customerGatewayIp)
                o.field(ifPresent: "customerInsideIp", customerInsideIp)
                o.field(ifPresent: "insideAddressSource", insideAddressSource)
                o.field(ifPresent: "insideCidr", insideCidr)
                o.field("outsideIp", outsideIp)
                o.field("status", status)
                o.field("tunnel", tunnel)
                o.field("vpnConnectionId", vpnConnectionId)
            }
        }
    }

    struct GCPEnd: JSONWritable {
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

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field(ifPresent: "bgpPeer", bgpPeer)
                o.field(ifPresent: "bgpPeerAsn", bgpPeerAsn)
                o.field(ifPresent: "bgpPeerIp", bgpPeerIp)
                o.field(ifPresent: "bgpStatus", bgpStatus)
                o.field(ifPresent: "haGateway", haGateway)
                o.field(ifPresent: "haGatewayInterface", haGatewayInterface)
                o.field(ifPresent: "haInterfaceIp", haInterfaceIp)
                o.field("name", name)
                o.field(ifPresent: "peerGateway", peerGateway)
                o.field(ifPresent: "peerGatewayInterface", peerGatewayInterface)
                o.field(ifPresent: "peerIp", peerIp)
                o.field("project", project)
                o.field(ifPresent: "region", region)
                o.field(ifPresent: "router", router)
                o.field(ifPresent: "routerAsn", routerAsn)
                o.field(ifPresent: "routerInterfaceIpRange", routerInterfaceIpRange)
                o.field(ifPresent: "status", status)
            }
        }
    }

    /// One analysis finding. `hint` is omitted when the rule has none.
    struct Finding: JSONWritable {
        let rule: String
        let severity: String
        let message: String
        let resources: [String]
        let hint: String?

        init(_ f: TunnelscopeAnalysis.Finding) {
            rule = f.rule
            severity = f.severity.rawValue
            message = f.message
            resources = f.resources
            hint = f.hint
        }

        func write(to json: inout PrettyJSON) {
            json.object { o in
                o.field(ifPresent: "hint", hint)
                o.field("message", message)
                o.field("resources", resources)
                o.field("rule", rule)
                o.field("severity", severity)
            }
        }
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
                warnings: report.warnings.map(message), notes: report.notes.map(message),
                mixing: LoadProvenanceJSON(report: report)),
            summary: InventorySummary(model: model, analysis: analysis).json,
            tunnels: model.tunnels, verdicts: analysis.verdicts, findings: findings,
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

    func render() -> String { String(decoding: renderBytes(), as: UTF8.self) }

    /// The document as UTF-8, ready to write (no `String` of tens of megabytes in between). Its
    /// strings are sanitised as they are written (C1, bidi and invisible format characters as
    /// \uXXXX too; PrettyJSON escapes C0): the same bytes as `Sanitizer.json` over the whole document.
    func renderBytes() -> [UInt8] {
        var json = PrettyJSON(sanitizing: true)
        document().write(to: &json)
        return json.bytes
    }
}
