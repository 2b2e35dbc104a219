import TunnelscopeModel

/// Every element that can fail, by exact ID and by short names, for `--fail` and the explorer.
///
/// Short names: a tunnel's AWS outside IP and its GCP tunnel name (or `project/region/name`);
/// Name tags of VPN connections, customer gateways, TGWs, attachments; GCP resource names
/// (gateways, routers, BGP peers), `gateway#ifN` for gateway interfaces; an HA VPN interface's
/// IP; site names; full GCP URLs. An IP names the tunnel whose AWS outside IP it is (the peer
/// gateway interface with the same IP fails exactly that tunnel); a customer gateway is named by
/// ID or Name tag, its IP names the HA VPN interface. A VPN-type TGW attachment is its VPN
/// connection. Failing that, a unique ID prefix of at least 5 characters is accepted.
struct ElementCatalog: Sendable {
    private(set) var elements: [FailableElement] = []
    private var byId: [String: Int] = [:]
    private var byAlias: [String: Set<Int>] = [:]

    init(index: ModelIndex) {
        let model = index.model
        for (t, tunnel) in model.tunnels.enumerated() {
            let e = add(.tunnel, tunnel.id, index.tunnelName(t))
            if let ip = tunnel.outsideIp { alias(ip.description, e) }
            if let gcp = tunnel.gcp {
                alias(gcp.tunnel.ref.id, e, exact: true)
                alias(gcp.tunnel.name, e)
                alias(gcp.tunnel.ref.description, e)
            }
            if let aws = tunnel.aws { alias("\(aws.vpnConnectionId)#\(aws.tunnelNumber)", e) }
        }
        for gateway in model.haVpnGateways {
            let g = add(.haGateway, gateway.ref.id, "HA VPN gateway \(gateway.name)")
            alias(gateway.name, g); alias(gateway.ref.description, g)
            for interface in gateway.interfaces {
                let id = gateway.ref.interfaceID(interface.id)
                let e = add(.haInterface, id, "HA VPN interface \(index.interfaceName(id))")
                alias("\(gateway.name)#if\(interface.id)", e)
                if let ip = interface.ipAddress { alias(ip.description, e) }
            }
        }
        for gateway in model.externalVpnGateways {
            let g = add(.peerGateway, gateway.ref.id, "peer VPN gateway \(gateway.name)")
            alias(gateway.name, g); alias(gateway.ref.description, g)
            for interface in gateway.interfaces {
                let id = gateway.ref.interfaceID(interface.id)
                let e = add(.peerInterface, id, "peer gateway interface \(index.interfaceName(id))")
                alias("\(gateway.name)#if\(interface.id)", e)
            }
        }
        for connection in model.vpnConnections {
            let e = add(.vpnConnection, connection.id, "VPN connection \(index.connectionName(connection.id))")
            if let name = connection.name { alias(name, e) }
            if let label = model.labels[connection.id] { alias(label, e) }
        }
        for cgw in model.customerGateways {
            let e = add(.customerGateway, cgw.id, "customer gateway \(index.customerGatewayName(cgw.id))")
            if let name = cgw.name { alias(name, e) }
        }
        for router in model.cloudRouters {
            let r = add(.cloudRouter, router.ref.id, "Cloud Router \(router.name)")
            alias(router.name, r); alias(router.ref.description, r)
            for peer in router.bgpPeers {
                let e = add(.bgpSession, "\(router.ref.id)/bgpPeers/\(peer.name)", "BGP session \(peer.name) on \(router.name)")
                alias(peer.name, e)
            }
        }
        for tgw in model.transitGateways {
            let e = add(.transitGateway, tgw.id, "Transit Gateway \(index.transitGatewayName(tgw.id))")
            if let name = tgw.name { alias(name, e) }
        }
        for vgw in model.vpnGateways {
            let e = add(.vpnGateway, vgw.id, "virtual private gateway \(index.named(vgw.name, vgw.id))")
            if let name = vgw.name { alias(name, e) }
        }
        for attachment in model.tgwAttachments {
            if attachment.resourceType == "vpn", let c = attachment.resourceId, let e = byId[c] {
                alias(attachment.id, e, exact: true)
                continue
            }
            let e = add(.tgwAttachment, attachment.id, "TGW attachment \(index.attachmentName(attachment.id))")
            if let name = attachment.name { alias(name, e) }
        }
        for dx in model.directConnectGateways {
            let e = add(.directConnectGateway, dx.id, "Direct Connect gateway \(index.named(dx.name, dx.id))")
            if let name = dx.name { alias(name, e) }
        }
        for vif in model.virtualInterfaces {
            let e = add(.virtualInterface, vif.id, "Direct Connect virtual interface \(index.named(vif.name, vif.id))")
            if let name = vif.name { alias(name, e) }
        }
        for site in model.onPremSites {
            let e = add(.site, site.id, "on-prem site \(site.name)")
            alias(site.name, e)
        }
    }

    private mutating func add(_ kind: FailableElement.Kind, _ id: String, _ label: String) -> Int {
        if let existing = byId[id] { return existing }
        elements.append(FailableElement(kind: kind, id: id, label: label))
        byId[id] = elements.count - 1
        return elements.count - 1
    }

    private mutating func alias(_ name: String, _ element: Int, exact: Bool = false) {
        if exact, byId[name] == nil { byId[name] = element }
        byAlias[name.lowercased(), default: []].insert(element)
    }

    func element(_ id: String) -> FailableElement? { byId[id].map { elements[$0] } }

    func resolve(_ raw: String) -> Resolution {
        let text = raw.trimmedSpaces
        if let e = byId[text] { return .found(elements[e]) }
        if text.contains("projects/"), let ref = GCPRef(url: text.split(separator: "#").first.map(String.init) ?? text) {
            let suffix = text.firstIndex(of: "#").map { String(text[$0...]) } ?? ""
            if let e = byId[ref.id + suffix] { return .found(elements[e]) }
        }
        if let candidates = byAlias[text.lowercased()] {
            if candidates.count == 1, let e = candidates.first { return .found(elements[e]) }
            return .ambiguous(query: text, candidates: candidates.map { elements[$0] }.sorted())
        }
        if text.count >= 5 {
            var matches = Set<Int>()
            for (id, e) in byId where id.hasPrefix(text) { matches.insert(e) }
            if matches.count == 1, let e = matches.first { return .found(elements[e]) }
            if matches.count > 1 { return .ambiguous(query: text, candidates: matches.map { elements[$0] }.sorted()) }
        }
        let needle = text.lowercased()
        var suggestions = Set<String>()
        if needle.count >= 3 {
            for (id, _) in byId where id.lowercased().contains(needle) { suggestions.insert(id) }
            for (name, _) in byAlias where name.contains(needle) { suggestions.insert(name) }
        }
        return .unknown(query: text, suggestions: Array(suggestions.sorted().prefix(5)))
    }

}

extension String {
    /// Without leading and trailing spaces and tabs (the analysis does not import Foundation).
    var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
