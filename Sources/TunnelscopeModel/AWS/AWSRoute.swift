/// A VPC route and its target.
///
/// A large network has hundreds of thousands of routes, so a route is kept in 32 bytes: the
/// destination's address and length, one byte each for the target's kind, the state and the
/// origin (the values AWS writes), the target's ID, and a reference to the rare text that is
/// not one of those (an IPv6 or prefix-list destination, a destination written unusually such as
/// `010.0.0.0/8`, another state or origin). The properties read and write as plain values.
public struct AWSRoute: Hashable, Sendable {
    private var address: UInt32
    /// The destination's prefix length; `noDestination` when it is not an IPv4 prefix.
    private var length: UInt8
    private var targetKind: TargetKind
    private var stateCode: UInt8
    private var originCode: UInt8
    /// The target's ID ("" for `.local` and `.none`).
    private var targetId: String
    private var written: WrittenText?

    public init(destination: CIDR?, destinationText: String, target: AWSRouteTarget, state: String?, origin: String?) {
        self.init(
            destination, rebuilt: destination.map { $0.isWritten(as: destinationText) } ?? false,
            text: destinationText, target: target, state: state, origin: origin)
    }

    /// A route to an IPv4 prefix written as its `description` (`10.0.0.0/8`: what a decoder
    /// that checked the bytes knows without making the text).
    public init(writtenAsDescription destination: CIDR, target: AWSRouteTarget, state: String?, origin: String?) {
        self.init(destination, rebuilt: true, text: "", target: target, state: state, origin: origin)
    }

    /// `rebuilt`: the destination's text is its description (`text` is not kept).
    private init(
        _ destination: CIDR?, rebuilt: Bool, text destinationText: @autoclosure () -> String,
        target: AWSRouteTarget, state: String?, origin: String?
    ) {
        address = destination?.address.value ?? 0
        length = destination.map { UInt8($0.prefixLength) } ?? Self.noDestination
        (targetKind, targetId) = Self.encode(target)
        stateCode = Self.code(state, in: Self.states)
        originCode = Self.code(origin, in: Self.origins)
        let otherKind = targetKind == .other ? target.otherKind : nil
        let unlistedState = stateCode == Self.unlisted ? state : nil
        let unlistedOrigin = originCode == Self.unlisted ? origin : nil
        // Nearly every route is written the usual way: no object is made for it.
        if rebuilt && otherKind == nil && unlistedState == nil && unlistedOrigin == nil {
            written = nil
        } else {
            written = WrittenText(
                destinationText: rebuilt ? nil : destinationText(), otherKind: otherKind, state: unlistedState,
                origin: unlistedOrigin)
        }
    }

    public var destination: CIDR? {
        get {
            length == Self.noDestination
                ? nil : CIDR(address: IPv4Address(address), prefixLength: Int(length))
        }
        set { self = with(destination: newValue) }
    }

    /// The destination as written: the IPv4 prefix, an IPv6 prefix or a prefix-list ID.
    public var destinationText: String {
        get { written?.destinationText ?? destination?.description ?? "" }
        set { self = with(destinationText: newValue) }
    }

    public var target: AWSRouteTarget {
        get {
            switch targetKind {
            case .local: .local
            case .internetGateway: .internetGateway(targetId)
            case .vpnGateway: .vpnGateway(targetId)
            case .transitGateway: .transitGateway(targetId)
            case .peering: .peering(targetId)
            case .natGateway: .natGateway(targetId)
            case .other: .other(kind: written?.otherKind ?? "", id: targetId)
            case .none: .none
            default:
                .other(kind: Self.otherKinds[Int(targetKind.rawValue - TargetKind.firstListed.rawValue)], id: targetId)
            }
        }
        set { self = with(target: newValue) }
    }

    /// `active`, `blackhole`, …
    public var state: String? {
        get { Self.decode(stateCode, in: Self.states) ?? written?.state }
        set { self = with(state: newValue) }
    }

    /// `CreateRouteTable`, `CreateRoute`, `EnableVgwRoutePropagation`, …
    public var origin: String? {
        get { Self.decode(originCode, in: Self.origins) ?? written?.origin }
        set { self = with(origin: newValue) }
    }

    public var isBlackhole: Bool { stateCode == Self.blackhole }

    private func with(
        destination: CIDR?? = nil, destinationText: String? = nil, target: AWSRouteTarget? = nil,
        state: String?? = nil, origin: String?? = nil
    ) -> AWSRoute {
        AWSRoute(
            destination: destination ?? self.destination, destinationText: destinationText ?? self.destinationText,
            target: target ?? self.target, state: state ?? self.state, origin: origin ?? self.origin)
    }

    // MARK: the compact form

    private static let noDestination = UInt8.max

    /// The target's case; an `.other` target whose kind is one the importer writes is one of
    /// the listed kinds (`otherKinds`, from `firstListed` on), any other kind is `.other`.
    private enum TargetKind: UInt8, Hashable, Sendable {
        case none, local, internetGateway, vpnGateway, transitGateway, peering, natGateway, other
        case firstListed, listed1, listed2, listed3, listed4, listed5, listed6, listed7
    }

    private static let otherKinds = [
        "gateway", "InstanceId", "NetworkInterfaceId", "EgressOnlyInternetGatewayId", "LocalGatewayId",
        "CarrierGatewayId", "CoreNetworkArn", "OdbNetworkArn",
    ]

    private static func encode(_ target: AWSRouteTarget) -> (TargetKind, String) {
        switch target {
        case .local: (.local, "")
        case .internetGateway(let id): (.internetGateway, id)
        case .vpnGateway(let id): (.vpnGateway, id)
        case .transitGateway(let id): (.transitGateway, id)
        case .peering(let id): (.peering, id)
        case .natGateway(let id): (.natGateway, id)
        case .other(let kind, let id):
            if let i = otherKinds.firstIndex(of: kind) {
                (TargetKind(rawValue: TargetKind.firstListed.rawValue + UInt8(i))!, id)
            } else {
                (.other, id)
            }
        case .none: (.none, "")
        }
    }

    /// Codes of the states and origins AWS writes: 0 is none, `unlisted` another text.
    private static let states = ["active", "blackhole"]
    private static let origins = ["CreateRouteTable", "CreateRoute", "EnableVgwRoutePropagation"]
    private static let unlisted = UInt8.max
    private static let blackhole = UInt8(2)

    private static func code(_ text: String?, in list: [String]) -> UInt8 {
        guard let text else { return 0 }
        return list.firstIndex(of: text).map { UInt8($0 + 1) } ?? unlisted
    }

    private static func decode(_ code: UInt8, in list: [String]) -> String? {
        code == 0 || code == unlisted ? nil : list[Int(code) - 1]
    }
}

/// The text of a route that its compact form does not rebuild (shared by copies of the route).
private final class WrittenText: Hashable, Sendable {
    let destinationText: String?
    let otherKind: String?
    let state: String?
    let origin: String?

    init(destinationText: String?, otherKind: String?, state: String?, origin: String?) {
        self.destinationText = destinationText
        self.otherKind = otherKind
        self.state = state
        self.origin = origin
    }

    var isEmpty: Bool { destinationText == nil && otherKind == nil && state == nil && origin == nil }

    static func == (lhs: WrittenText, rhs: WrittenText) -> Bool {
        (lhs.destinationText, lhs.otherKind, lhs.state, lhs.origin)
            == (rhs.destinationText, rhs.otherKind, rhs.state, rhs.origin)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(destinationText)
        hasher.combine(otherKind)
        hasher.combine(state)
        hasher.combine(origin)
    }
}

/// The one target of a VPC route.
public enum AWSRouteTarget: Hashable, Sendable, CustomStringConvertible {
    case local
    case internetGateway(String)
    case vpnGateway(String)
    case transitGateway(String)
    case peering(String)
    case natGateway(String)
    case other(kind: String, id: String)
    case none

    public var description: String {
        switch self {
        case .local: "local"
        case .internetGateway(let id), .vpnGateway(let id), .transitGateway(let id),
            .peering(let id), .natGateway(let id):
            id
        case .other(let kind, let id): "\(kind) \(id)"
        case .none: "(no target)"
        }
    }

    fileprivate var otherKind: String? {
        if case .other(let kind, _) = self { kind } else { nil }
    }
}
