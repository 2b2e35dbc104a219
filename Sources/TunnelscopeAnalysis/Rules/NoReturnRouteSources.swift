import TunnelscopeModel

/// What no-return-route checks: the AWS VPCs behind a link's gateway (each route table in use a
/// start) and the on-prem sites attached to it. Gathered from the index by position; the labels
/// and resources a message names are made only for the sources that have a finding.
extension NoReturnRouteRule {
    struct Start {
        let place: Forwarder.Place
        /// The VPC route table (in `model.routeTables`); nil for a site, which starts in its TGW route table.
        let table: Int?

        func label(_ c: AnalysisContext) -> String {
            if let table { return "route table \(c.index.routeTableName(c.model.routeTables[table]))" }
            guard case .site(let s) = place else { return "" }
            return "\(c.model.onPremSites[s].name)'s TGW route table"
        }

        func resources(_ c: AnalysisContext) -> [String] { table.map { [c.model.routeTables[$0].id] } ?? [] }
    }

    struct Source {
        let id: String
        let ranges: [CIDR]
        let starts: [Start]
        let vpc: String?
        let site: Int?
        /// For a VPC: TGW → the route table its live attachment is associated with (nil: attachment down or unassociated).
        var tgwTables: [String: String?] = [:]

        /// `AWS VPC name (vpc-…)` or `on-prem name`.
        func label(_ c: AnalysisContext) -> String {
            if let vpc { return "AWS VPC \(c.index.vpcName(vpc))" }
            return "on-prem \(site.map { c.model.onPremSites[$0].name } ?? id)"
        }

        /// What carries the source's prefixes to the TGW, as the hint names it.
        var kind: String { vpc != nil ? "the VPC attachment" : "the site's attachment" }
    }

    /// The AWS VPCs behind the link's gateway and the on-prem sites attached to it.
    static func sources(of link: CrossCloudLink, _ c: AnalysisContext) -> [Source] {
        guard let gateway = link.awsGateway else { return [] }
        let model = c.model
        var result: [Source] = []
        var vpcs: [String] = []
        if gateway.hasPrefix("tgw-") {
            // By position: an attachment is not copied to be read.
            let attachments = model.tgwAttachments
            for i in attachments.indices
            where attachments[i].transitGatewayId == gateway && attachments[i].resourceType == "vpc"
                && c.baseline.attachmentAlive(attachments[i])
            {
                if let vpc = attachments[i].resourceId { vpcs.append(vpc) }
            }
        } else {
            vpcs = c.index.vpnGateway(gateway)?.attachedVpcIds ?? []
        }
        // Sorted, each once (sorting first leaves the repeats side by side: no set of IDs to hash).
        vpcs.sort()
        var previous: String?
        for vpc in vpcs where vpc != previous {
            previous = vpc
            let tables = (c.index.routeTablesByVpc[vpc] ?? []).filter {
                model.routeTables[$0].isMain || !model.routeTables[$0].subnetIds.isEmpty
            }
            guard let cidrs = model.vpc(vpc)?.cidrs, !cidrs.isEmpty, !tables.isEmpty else { continue }
            var tgwTables: [String: String?] = [:]
            for i in c.index.attachmentsByResource[vpc] ?? [] where model.tgwAttachments[i].resourceType == "vpc" {
                let a = model.tgwAttachments[i]
                tgwTables[a.transitGatewayId] = c.baseline.attachmentAlive(a) ? a.associatedRouteTableId : String?.none
            }
            result.append(
                Source(
                    id: vpc, ranges: cidrs.map(\.normalized),
                    starts: tables.map { Start(place: .vpc(vpc, table: model.routeTables[$0].id), table: $0) },
                    vpc: vpc, site: nil, tgwTables: tgwTables))
        }
        for (s, site) in model.onPremSites.enumerated() where !site.addressRanges.isEmpty {
            let attached =
                site.customerGatewayIds.contains { cgw in
                    (c.index.tunnelsByCustomerGateway[cgw] ?? []).contains {
                        c.index.awsGateway(ofTunnel: $0) == gateway
                    }
                }
                || site.directConnectGatewayIds.contains { dx in !c.index.attachments(of: dx, on: gateway).isEmpty }
            guard attached else { continue }
            result.append(
                Source(
                    id: site.id, ranges: site.addressRanges.map(\.normalized),
                    starts: [Start(place: .site(s), table: nil)], vpc: nil, site: s))
        }
        return result
    }

    static func reachedSource(_ end: PathEnd, _ source: Source, _ c: AnalysisContext) -> Bool {
        guard case .reached(let resource, _, _) = end else { return false }
        if resource == source.id { return true }
        if let vpc = source.vpc, let s = c.model.subnetIndex[resource] { return c.model.subnets[s].vpcId == vpc }
        return false
    }
}
