import TunnelscopeModel

/// Every element that can fail, resolved through the one element directory (exact ID, Name tag,
/// label, GCP name or URL, `gateway#ifN`, an outside or interface IP, a unique prefix). An IP
/// names the tunnel whose AWS outside IP it is (the peer gateway interface with the same IP fails
/// exactly that tunnel); a customer gateway's IP names the HA VPN interface that has it. A
/// VPN-type TGW attachment is its VPN connection. An element that exists but does not fail on
/// its own (a route table, a subnet …) is reported as such.
struct ElementCatalog: Sendable {
    let directory: ElementDirectory
    private(set) var elements: [FailableElement] = []
    private var byId: [String: Int] = [:]

    static func failableKind(_ kind: DirectoryEntry.Kind) -> FailableElement.Kind? {
        switch kind {
        case .tunnel: .tunnel
        case .vpnConnection: .vpnConnection
        case .customerGateway: .customerGateway
        case .transitGateway: .transitGateway
        case .vpnGateway: .vpnGateway
        case .vpc: .vpc
        case .site: .site
        case .haGateway: .haGateway
        case .haInterface: .haInterface
        case .peerGateway: .peerGateway
        case .peerInterface: .peerInterface
        case .cloudRouter: .cloudRouter
        case .bgpSession: .bgpSession
        case .gcpNetwork: .gcpNetwork
        case .directConnectGateway: .directConnectGateway
        case .virtualInterface: .virtualInterface
        case .tgwAttachment: .tgwAttachment
        case .vpcPeering: .vpcPeering
        case .gcpPeering: .gcpPeering
        case .subnet, .gcpSubnet, .redis, .tgwRouteTable, .routeTable, .project: nil
        }
    }

    init(index: ModelIndex, directory: ElementDirectory) {
        self.directory = directory
        for entry in directory.entries {
            guard let kind = Self.failableKind(entry.kind), byId[entry.id] == nil else { continue }
            byId[entry.id] = elements.count
            elements.append(FailableElement(kind: kind, id: entry.id, label: entry.label))
        }
        // A VPN attachment is failed as its VPN connection.
        for attachment in index.model.tgwAttachments where attachment.resourceType == "vpn" {
            if let c = attachment.resourceId, let e = byId[c], byId[attachment.id] == nil { byId[attachment.id] = e }
        }
    }

    func element(_ id: String) -> FailableElement? { byId[id].map { elements[$0] } }

    func resolve(_ raw: String) -> Resolution {
        let text = raw.trimmedSpaces
        if let e = byId[text] { return .found(elements[e]) }
        let failable = Set(DirectoryEntry.Kind.allCases.filter { Self.failableKind($0) != nil })
        switch directory.resolve(text, kinds: failable) {
        case .found(let entry):
            if let e = byId[entry.id] { return .found(elements[e]) }
            return .unknown(query: text, suggestions: [])
        case .ambiguous(_, let candidates):
            return .ambiguous(query: text, candidates: candidates.compactMap { byId[$0.id].map { elements[$0] } })
        case .unknown(_, let suggestions):
            if case .found(let other) = directory.resolve(text) {
                return .notFailable(
                    query: text, element: other.label,
                    reason:
                        "\(other.kind.title)s do not fail on their own; fail what carries its traffic (its VPC, attachment, gateway or tunnel)"
                )
            }
            return .unknown(query: text, suggestions: suggestions)
        }
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
