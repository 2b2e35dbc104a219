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
    }
}
