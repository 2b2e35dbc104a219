import TunnelscopeModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The routes of a route table read straight from the document's tape: one pass over each
/// route's members, no node per route and no lookup per field. A route table has tens of routes
/// and route tables are most of a large network's bytes, so this is where loading spends its time.
///
/// Only routes that the field-by-field decoder would read without a word are read here: when any
/// route of a table is unusual (a field of another type, a destination that is not an IPv4 prefix,
/// no destination, text past `Node.maxText`), `routes(of:)` returns nil and the table's routes are
/// decoded field by field, with the same warnings as ever.
enum AWSRouteItems {
    /// The fields a route is read from (`field(of:)`): the destinations, the state and origin, then
    /// the target IDs in the order of `AWSNetworkingDecoders.targetKeys` (the first one present wins).
    private static let cidrField = 0, ipv6Field = 1, prefixListField = 2, stateField = 3, originField = 4
    private static let firstTargetField = 5
    private static let fieldCount = firstTargetField + AWSNetworkingDecoders.targetKeys.count

    /// The routes of route table `table`, or nil when one of them needs the field-by-field decoder.
    static func routes(of table: Node) -> [AWSRoute]? {
        let document = table.document
        guard let list = document.member(table.index, "Routes") else { return [] }
        switch document.kind(list.value) {
        case .null: return []
        case .array: break
        default: return nil
        }
        var routes: [AWSRoute] = []
        routes.reserveCapacity(document.count(list.value))
        let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: fieldCount)
        defer { slots.deallocate() }
        var last = LastTarget()
        var item = list.value + 1
        let end = document.next(list.value)
        while item < end {
            guard let route = route(item, document, table.context, slots, &last) else { return nil }
            routes.append(route)
            item = document.next(item)
        }
        return routes
    }

    /// The target of the route before (most routes of a table go to one of a few gateways): bytes
    /// that are its ID's UTF-8 are that ID (the text they decode to), not looked up again.
    private struct LastTarget {
        var field = -1
        var id = ""

        mutating func id(_ field: Int, _ value: Int, _ document: JSONDocument, _ context: DecodeContext) -> String {
            document.withBytes(value) { new in
                if field == self.field, !new.isEmpty, id.utf8.count == new.count,
                    id.withUTF8({ memcmp($0.baseAddress!, new.baseAddress!, new.count) == 0 })
                {
                    return id
                }
                id = context.intern(new) { document.string(value) }
                self.field = field
                return id
            }
        }
    }

    /// One route, or nil when the field-by-field decoder must read it (it might warn).
    private static func route(
        _ item: Int, _ document: JSONDocument, _ context: DecodeContext, _ slots: UnsafeMutableBufferPointer<Int>,
        _ last: inout LastTarget
    ) -> AWSRoute? {
        guard document.kind(item) == .object else { return nil }
        slots.update(repeating: -1)
        // The last value of a key written twice, as `JSONDocument.member` finds it.
        document.forEachMember(item) { key, value in
            if let field = field(of: key, document) { slots[field] = value }
        }
        for field in slots.indices where slots[field] >= 0 {
            switch document.kind(slots[field]) {
            case .null: slots[field] = -1
            case .string, .escapedString:
                guard document.withBytes(slots[field], { $0.count <= Node.maxText }) else { return nil }
            default: return nil
            }
        }
        // An IPv4 destination is parsed from its bytes; its text is made only when it is not
        // written as the prefix's description (`010.0.0.0/8`) or is not an IPv4 prefix.
        let destination: CIDR?
        var destinationText: String?
        if slots[cidrField] >= 0 {
            let parsed = document.withBytes(slots[cidrField]) { bytes in
                CIDR(utf8: bytes).map { ($0, $0.isWritten(asUTF8: bytes)) }
            }
            guard let (cidr, usual) = parsed else { return nil }
            destination = cidr
            if !usual { destinationText = document.string(slots[cidrField]) }
        } else if slots[ipv6Field] >= 0 || slots[prefixListField] >= 0 {
            destination = nil
            destinationText = document.string(slots[ipv6Field] >= 0 ? slots[ipv6Field] : slots[prefixListField])
        } else {
            return nil
        }
        var target = AWSRouteTarget.none
        for field in firstTargetField..<slots.count where slots[field] >= 0 {
            let id = last.id(field, slots[field], document, context)
            target = AWSNetworkingDecoders.target(key: field - firstTargetField, id: id)
            break
        }
        func text(_ field: Int) -> String? {
            guard slots[field] >= 0 else { return nil }
            return document.withBytes(slots[field], usual) ?? context.intern(document.string(slots[field]))
        }
        if let destination, destinationText == nil {
            return AWSRoute(
                writtenAsDescription: destination, target: target, state: text(stateField), origin: text(originField))
        }
        return AWSRoute(
            destination: destination, destinationText: destinationText ?? "", target: target, state: text(stateField),
            origin: text(originField))
    }

    /// The state or origin when it is one AWS writes (no text is made for it).
    private static func usual(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func match(_ text: StaticString) -> Bool { memcmp(text.utf8Start, bytes.baseAddress!, bytes.count) == 0 }
        switch bytes.count {
        case 6: return match("active") ? "active" : nil
        case 9: return match("blackhole") ? "blackhole" : nil
        case 11: return match("CreateRoute") ? "CreateRoute" : nil
        case 16: return match("CreateRouteTable") ? "CreateRouteTable" : nil
        case 25: return match("EnableVgwRoutePropagation") ? "EnableVgwRoutePropagation" : nil
        default: return nil
        }
    }

    /// Which field the key at `key` is (see `cidrField`), if any.
    private static func field(of key: Int, _ document: JSONDocument) -> Int? {
        document.withBytes(key) { bytes -> Int? in
            func match(_ name: StaticString, _ field: Int) -> Int? {
                memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0 ? field : nil
            }
            let target = firstTargetField
            switch bytes.count {
            case 5: return match("State", stateField)
            case 6: return match("Origin", originField)
            case 20: return match("DestinationCidrBlock", cidrField)
            case 24: return match("DestinationIpv6CidrBlock", ipv6Field)
            case 23: return match("DestinationPrefixListId", prefixListField)
            case 9: return match("GatewayId", target)
            case 16: return match("TransitGatewayId", target + 1) ?? match("CarrierGatewayId", target + 8)
            case 22: return match("VpcPeeringConnectionId", target + 2)
            case 12: return match("NatGatewayId", target + 3)
            case 10: return match("InstanceId", target + 4)
            case 18: return match("NetworkInterfaceId", target + 5)
            case 27: return match("EgressOnlyInternetGatewayId", target + 6)
            case 14: return match("LocalGatewayId", target + 7) ?? match("CoreNetworkArn", target + 9)
            case 13: return match("OdbNetworkArn", target + 10)
            default: return nil
            }
        }
    }
}
