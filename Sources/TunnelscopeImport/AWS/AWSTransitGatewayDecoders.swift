import TunnelscopeModel

/// `describe-transit-gateways`, `-attachments`, `-vpc-attachments`, `-route-tables`,
/// `search-transit-gateway-routes`, `get-transit-gateway-route-table-propagations`.
enum AWSTransitGatewayDecoders {
    static func transitGateway(_ n: Node) throws(DecodeError) -> TransitGateway {
        let id = try n.required("TransitGatewayId")
        try rejectDeleted(n)
        let arn = ARN(n.string("TransitGatewayArn"))
        let options = n.object("Options")
        return TransitGateway(
            id: id, accountId: n.string("OwnerId") ?? arn?.account, region: arn?.region,
            amazonSideAsn: options?.int("AmazonSideAsn"), state: n.string("State"),
            vpnEcmpSupport: options?.string("VpnEcmpSupport") == "enable",
            defaultAssociationRouteTableId: options?.string("AssociationDefaultRouteTableId"),
            defaultPropagationRouteTableId: options?.string("PropagationDefaultRouteTableId"),
            tags: n.tags(), source: n.source)
    }

    static func attachment(_ n: Node) throws(DecodeError) -> TGWAttachment {
        try rejectDeleted(n)
        return TGWAttachment(
            id: try n.required("TransitGatewayAttachmentId"),
            transitGatewayId: n.context.intern(try n.required("TransitGatewayId")),
            resourceType: n.string("ResourceType") ?? (n.string("VpcId") != nil ? "vpc" : "unknown"),
            resourceId: n.string("ResourceId") ?? n.string("VpcId"),
            resourceOwnerId: n.string("ResourceOwnerId") ?? n.string("VpcOwnerId"), state: n.string("State"),
            associatedRouteTableId: n.object("Association")?.string("TransitGatewayRouteTableId").map(n.context.intern),
            subnetIds: n.strings("SubnetIds"), tags: n.tags(), source: n.source)
    }

    static func routeTable(_ n: Node) throws(DecodeError) -> TGWRouteTable {
        try rejectDeleted(n)
        return TGWRouteTable(
            id: try n.required("TransitGatewayRouteTableId"),
            transitGatewayId: n.string("TransitGatewayId").map(n.context.intern),
            isDefaultAssociation: n.bool("DefaultAssociationRouteTable") ?? false,
            isDefaultPropagation: n.bool("DefaultPropagationRouteTable") ?? false, state: n.string("State"),
            routes: [], propagations: [], tags: n.tags(), source: n.source)
    }

    static func route(_ n: Node) throws(DecodeError) -> TGWRoute {
        let destination = n.cidr("DestinationCidrBlock")
        guard let text = destination.text ?? n.string("PrefixListId") else {
            throw DecodeError(path: n.path, message: "missing DestinationCidrBlock (and PrefixListId)")
        }
        let targets = n.array("TransitGatewayAttachments").map {
            TGWRouteTarget(
                attachmentId: $0.string("TransitGatewayAttachmentId"), resourceId: $0.string("ResourceId"),
                resourceType: $0.string("ResourceType").map(n.context.intern))
        }
        return TGWRoute(
            destination: destination.cidr, destinationText: text, type: n.string("Type"),
            state: n.string("State"), targets: targets, source: n.source)
    }

    static func propagation(_ n: Node) throws(DecodeError) -> TGWPropagation {
        TGWPropagation(
            attachmentId: try n.required("TransitGatewayAttachmentId"), resourceId: n.string("ResourceId"),
            resourceType: n.string("ResourceType"), state: n.string("State"))
    }
}

/// `arn:aws:ec2:us-east-1:111122223333:transit-gateway/tgw-…`
struct ARN {
    let region: String
    let account: String

    init?(_ text: String?) {
        guard let parts = text?.split(separator: ":", omittingEmptySubsequences: false), parts.count >= 6,
            parts[0] == "arn"
        else { return nil }
        region = String(parts[3])
        account = String(parts[4])
    }
}
