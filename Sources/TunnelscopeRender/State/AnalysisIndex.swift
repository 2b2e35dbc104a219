import Foundation
import TunnelscopeAnalysis
import TunnelscopeModel

/// What the views look up in one analysis that does not depend on the what-if: built once per
/// load (and reload), shared by every what-if and every frame. Immutable.
final class AnalysisIndex: Sendable {
    /// Findings by severity, for the header and the findings heading.
    let errorCount: Int
    let warningCount: Int
    /// Positions in `Analysis.findings` of the findings that name each resource, in order.
    let findingsByResource: [String: [Int]]
    /// The VPCs in map order: by name (label, Name tag or ID), numbers compared as numbers.
    let vpcOrder: [(vpc: AWSVpc, name: String)]
    /// Everything `/` can find.
    let search: SearchIndex
    /// Who is connected to whom on the map (the model's references).
    let graph: MapGraph
    /// The model's many-to-one references by ID, for the detail of one element.
    let lookups: ModelLookups

    init(model: NetworkModel, analysis: Analysis) {
        var errors = 0
        var warnings = 0
        var byResource: [String: [Int]] = [:]
        for (i, finding) in analysis.findings.enumerated() {
            if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
            var seen = Set<String>()
            for id in finding.resources where seen.insert(id).inserted { byResource[id, default: []].append(i) }
        }
        errorCount = errors
        warningCount = warnings
        findingsByResource = byResource
        let naming = Naming(model: model)
        vpcOrder = model.vpcs.map { (vpc: $0, name: naming.vpc($0.id)) }.sorted { a, b in
            a.name.compare(b.name, options: [.numeric, .caseInsensitive]) == .orderedAscending
        }
        search = SearchIndex(model: model, directory: analysis.directory)
        graph = MapGraph(model: model)
        lookups = ModelLookups(model: model)
    }
}

/// Positions in the model's arrays by the IDs the detail screens look them up by, so the detail
/// of a Transit Gateway or a VPC does not scan every attachment, subnet and route table.
struct ModelLookups: Sendable {
    let attachment: [String: Int]
    let attachmentsByGateway: [String: [Int]]
    let attachmentsByResource: [String: [Int]]
    let attachmentsByRouteTable: [String: [Int]]
    let subnetsByVpc: [String: [Int]]
    let routeTable: [String: Int]
    let routeTablesByVpc: [String: [Int]]

    init(model: NetworkModel) {
        var attachment: [String: Int] = [:]
        var byGateway: [String: [Int]] = [:]
        var byResource: [String: [Int]] = [:]
        var byRouteTable: [String: [Int]] = [:]
        for (i, a) in model.tgwAttachments.enumerated() {
            if attachment[a.id] == nil { attachment[a.id] = i }
            byGateway[a.transitGatewayId, default: []].append(i)
            if let r = a.resourceId { byResource[r, default: []].append(i) }
            if let t = a.associatedRouteTableId { byRouteTable[t, default: []].append(i) }
        }
        self.attachment = attachment
        attachmentsByGateway = byGateway
        attachmentsByResource = byResource
        attachmentsByRouteTable = byRouteTable
        var subnets: [String: [Int]] = [:]
        for (i, s) in model.subnets.enumerated() { subnets[s.vpcId, default: []].append(i) }
        subnetsByVpc = subnets
        var table: [String: Int] = [:]
        var tables: [String: [Int]] = [:]
        for (i, t) in model.routeTables.enumerated() {
            if table[t.id] == nil { table[t.id] = i }
            tables[t.vpcId, default: []].append(i)
        }
        routeTable = table
        routeTablesByVpc = tables
    }
}
