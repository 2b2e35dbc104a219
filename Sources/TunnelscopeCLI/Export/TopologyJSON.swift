import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel

/// `export --format json`: the model as the exports describe it, with no secret (the import
/// drops pre-shared keys and the configuration XML; only the fields listed here are written),
/// each element with the analysis' verdict and, with `--fail`, what the what-if does to it.
/// Its own contract: `schemaVersion` 1; fields may be added, none renamed or removed without a
/// new version. Keys sorted, arrays in model order: the same input gives the same bytes.
struct TopologyJSON {
    static let schemaVersion = 1

    let model: NetworkModel
    let analysis: Analysis
    let marks: ElementMarks
    let origin: String

    func document() -> [String: Any] {
        var document: [String: Any] = [
            "schemaVersion": Self.schemaVersion,
            "kind": "tunnelscope-topology",
            "origin": origin,
            "aws": aws(),
            "gcp": gcp(),
            "onPrem": ["sites": model.onPremSites.map(site)],
            "tunnels": model.tunnels.map(tunnel),
            "impact": impact(marks.whatIf ?? analysis.impact),
        ]
        if let whatIf = marks.whatIf { document["whatIf"] = ["failed": whatIf.outcome.failed.map(\.id)] }
        return document
    }

    func render() -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: document(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Verdicts

    /// The analysis' verdict on `id` and the what-if's mark: health, its state, the rules of the
    /// findings that name it; `whatIf` (failed / lost) and its note only under `--fail`.
    private func verdict(_ id: String) -> [String: Any] {
        let verdict = analysis.verdicts.element(id)
        var out: [String: Any] = [
            "health": ElementMarks.mark(verdict.health).rawValue,
            "findings": Array(Set(verdict.findings.map { analysis.findings[$0].rule })).sorted(),
        ]
        if let state = verdict.state { out["state"] = state }
        let mark = marks.mark(id)
        if mark == .failed || mark == .lost { out["whatIf"] = mark.rawValue }
        if let note = marks.whatIfNote(id) { out["whatIfNote"] = note }
        if let change = marks.changes?.change(of: id) {
            out["change"] = ["kind": change.kind.rawValue, "summary": change.summary] as [String: Any]
        }
        return out
    }

    private func element(_ id: String, _ fields: [String: Any?]) -> [String: Any] {
        var out = fields.compactMapValues { $0 }
        out["id"] = id
        out["verdict"] = verdict(id)
        return out
    }

    private func impact(_ impact: Impact) -> [String: Any] {
        [
            "crossCloudTunnels": ["carrying": impact.crossCloudCarrying, "total": impact.crossCloudTotal],
            "bgpSessions": ["up": impact.sessionsUp, "total": impact.sessionsTotal],
            "prefixesWithoutPath": impact.prefixesWithoutPath.map { loss in
                [
                    "prefix": loss.prefix.description, "origin": loss.originLabel,
                    "lost": loss.lost.map(\.rawValue),
                ] as [String: Any]
            },
            "cutOff": impact.cutOff.keys.sorted(),
        ]
    }

    // MARK: AWS

    private func aws() -> [String: Any] {
        [
            "accounts": model.awsAccounts.map { a in
                ["id": a, "label": model.labels[a] as Any?].compactMapValues { $0 }
            },
            "transitGateways": model.transitGateways.map { t in
                element(
                    t.id,
                    [
                        "name": t.name, "account": t.accountId, "region": t.region, "amazonSideAsn": t.amazonSideAsn,
                        "state": t.state,
                    ])
            },
            "vpnGateways": model.vpnGateways.map { g in
                element(
                    g.id,
                    [
                        "name": g.name, "account": g.accountId, "amazonSideAsn": g.amazonSideAsn, "state": g.state,
                        "attachedVpcs": g.attachedVpcIds,
                    ])
            },
            "vpcs": model.vpcs.map { v in
                element(
                    v.id,
                    [
                        "name": model.labels[v.id] ?? v.name, "account": v.accountId, "region": v.region,
                        "cidrs": v.cidrs.map(\.description), "isDefault": v.isDefault, "state": v.state,
                    ])
            },
            "tgwAttachments": model.tgwAttachments.map { a in
                element(
                    a.id,
                    [
                        "transitGateway": a.transitGatewayId, "resourceType": a.resourceType, "resource": a.resourceId,
                        "state": a.state,
                    ])
            },
            "customerGateways": model.customerGateways.map { c in
                element(
                    c.id,
                    [
                        "name": c.name, "account": c.accountId, "ipAddress": c.ipAddress?.description,
                        "bgpAsn": c.bgpAsn,
                        "state": c.state,
                    ])
            },
            "vpnConnections": model.vpnConnections.map(connection),
            "directConnectGateways": model.directConnectGateways.map { g in
                element(
                    g.id, ["name": g.name, "account": g.accountId, "amazonSideAsn": g.amazonSideAsn, "state": g.state])
            },
        ]
    }

    private func connection(_ c: VPNConnection) -> [String: Any] {
        element(
            c.id,
            [
                "name": c.name, "account": c.accountId, "state": c.state, "customerGateway": c.customerGatewayId,
                "transitGateway": c.transitGatewayId, "vpnGateway": c.vpnGatewayId,
                "staticRoutesOnly": c.staticRoutesOnly,
                "tunnels": c.tunnels.enumerated().map { i, t in
                    [
                        "number": i + 1, "outsideIp": t.outsideIp.description, "insideCidr": t.insideCidr?.description,
                        "status": t.status.rawValue, "statusMessage": t.statusMessage,
                        "acceptedRouteCount": t.acceptedRouteCount,
                    ].compactMapValues { $0 }
                },
            ])
    }

    // MARK: GCP and on-prem

    private func gcp() -> [String: Any] {
        [
            "projects": model.gcpProjects.map { p in
                ["id": p.id, "role": p.role.rawValue, "hostProject": p.hostProject as Any?].compactMapValues { $0 }
                    .merging(["verdict": verdict("project/\(p.id)")]) { a, _ in a }
            },
            "networks": model.gcpNetworks.map { n in
                element(
                    n.ref.id,
                    [
                        "name": n.name, "project": n.project, "subnetMode": n.subnetMode.rawValue,
                        "routingMode": n.routingMode,
                        "peerings": n.peerings.map { p in
                            ["name": p.name, "peerNetwork": p.peerNetwork?.id ?? p.peerNetworkURL, "state": p.state]
                                .compactMapValues { $0 }
                        },
                    ])
            },
            "cloudRouters": model.cloudRouters.map { r in
                element(
                    r.ref.id,
                    [
                        "name": r.name, "project": r.ref.project, "region": r.ref.region, "network": r.network?.id,
                        "asn": r.asn, "statusExported": r.hasStatus,
                        "bgpPeers": r.bgpPeers.map { p in
                            element(
                                "\(r.ref.id)/bgpPeers/\(p.name)",
                                [
                                    "name": p.name, "interface": p.interfaceName, "ipAddress": p.ipAddress?.description,
                                    "peerIpAddress": p.peerIpAddress?.description, "peerAsn": p.peerAsn,
                                    "enabled": p.enabled, "status": p.status?.status, "state": p.status?.state,
                                ])
                        },
                    ])
            },
            "haVpnGateways": model.haVpnGateways.map { g in
                element(
                    g.ref.id,
                    [
                        "name": g.name, "project": g.ref.project, "region": g.ref.region, "network": g.network?.id,
                        "interfaces": interfaces(g.interfaces),
                    ])
            },
            "externalVpnGateways": model.externalVpnGateways.map { g in
                element(
                    g.ref.id,
                    [
                        "name": g.name, "project": g.ref.project, "redundancyType": g.redundancyType,
                        "interfaces": interfaces(g.interfaces),
                    ])
            },
            "vpnTunnels": model.gcpTunnels.map { t in
                element(
                    t.ref.id,
                    [
                        "name": t.name, "project": t.ref.project, "region": t.ref.region,
                        "vpnGateway": t.vpnGateway?.id,
                        "vpnGatewayInterface": t.vpnGatewayInterface, "peerExternalGateway": t.peerExternalGateway?.id,
                        "peerExternalGatewayInterface": t.peerExternalGatewayInterface,
                        "peerIp": t.peerIp?.description, "router": t.router?.id, "status": t.status,
                        "detailedStatus": t.detailedStatus,
                    ])
            },
            "memorystore": model.redisInstances.map { r in
                element(
                    r.id,
                    [
                        "name": r.name, "project": r.project, "region": r.region,
                        "reservedIpRange": r.reservedIpRangeText, "authorizedNetwork": r.authorizedNetwork?.id,
                        "connectMode": r.connectMode, "state": r.state,
                    ])
            },
        ]
    }

    /// A gateway's interfaces (HA VPN or peer): number and IP address, when it has one.
    private func interfaces(_ list: [GatewayInterface]) -> [[String: Any]] {
        list.map { ["id": $0.id, "ipAddress": $0.ipAddress?.description as Any?].compactMapValues { $0 } }
    }

    private func site(_ s: OnPremSite) -> [String: Any] {
        element(
            s.id,
            [
                "name": s.name, "origin": s.origin.rawValue, "addressRanges": s.addressRanges.map(\.description),
                "customerGateways": s.customerGatewayIds, "directConnectGateways": s.directConnectGatewayIds,
            ])
    }

    /// The cross-cloud join: which AWS tunnel and which GCP tunnel are one physical tunnel.
    private func tunnel(_ t: PhysicalTunnel) -> [String: Any] {
        var out = element(
            t.id,
            [
                "kind": t.kind.rawValue, "sides": t.sides.rawValue, "outsideIp": t.outsideIp?.description,
                "awsVpnConnection": t.aws?.vpnConnectionId, "awsTunnelNumber": t.aws?.tunnelNumber,
                "awsStatus": t.aws?.tunnel.status.rawValue, "gcpTunnel": t.gcp?.tunnel.ref.id,
                "gcpStatus": t.gcp?.tunnel.status, "site": t.siteName,
            ])
        if let v = analysis.verdicts.tunnel(t.id) {
            var verdict = out["verdict"] as? [String: Any] ?? [:]
            verdict["word"] = v.word
            verdict["ipsec"] = v.ipsecText
            verdict["bgp"] = v.bgpText
            verdict["carries"] = v.carries
            verdict["disagreements"] = v.disagreements.map { ["layer": $0.layer, "aws": $0.aws, "gcp": $0.gcp] }
            out["verdict"] = verdict
        }
        return out
    }
}
