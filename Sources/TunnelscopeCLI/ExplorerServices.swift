import TunnelscopeAnalysis
import TunnelscopeCanvas
import TunnelscopeModel
import TunnelscopeRender

/// Connects the explorer to the analysis: one `Analysis` per loaded model; what-if, paths and
/// ID resolution run against it.
enum ExplorerServices {
    static func make() -> Services {
        Services { result in
            let analysis = Analysis(model: result.model, report: result.report)
            return Prepared(
                insights: { failed in insights(analysis, failed: failed) },
                path: { from, to, failed in
                    do { return PathLines.spans(try analysis.path(from: from, to: to, failing: failed)) } catch let error as PathError {
                        return [Span("✖ \(error.description)", .error)]
                    } catch {
                        return [Span("✖ \(error)", .error)]
                    }
                },
                resolve: { text in
                    switch analysis.resolve(text) {
                    case .found(let element): .success(element.id)
                    case let other: .failure(Prepared.ResolveError(other.description))
                    }
                })
        }
    }

    static func insights(_ analysis: Analysis, failed: Set<String>) -> Insights {
        var insights = Insights(findings: analysis.findings, failed: failed)
        insights.tunnelsDown = analysis.tunnelsDown
        insights.bgpSessionsDown = analysis.bgpSessionsDown
        let routes = analysis.routes
        func line(_ route: VPNRoute) -> String {
            "\(route.prefix.description.padding(toLength: 18, withPad: " ", startingAt: 0)) \(route.originLabel)  · on \(route.advertisedOn.count) tunnel(s)"
                + (route.learnedOn.count < route.advertisedOn.count ? ", learned on \(route.learnedOn.count)" : "")
        }
        var sections: [(title: String, lines: [String])] = []
        if !failed.isEmpty {
            let outcome = analysis.whatIf(failing: failed)
            insights.lostTunnels = Set(outcome.tunnelsLost.map(\.id))
            insights.lostSessions = Set(outcome.tunnels.filter { $0.tunnelUpAfter && !$0.sessionUpAfter }.map(\.id))
            insights.whatIfSummary = outcome.summary
            insights.lostOrigins = Set(outcome.lostPrefixes.compactMap(\.origin))
            insights.lostPrefixes = outcome.lostPrefixes.map { loss in
                "\(loss.prefix) \(loss.originLabel): no path to \(loss.lost.map(\.rawValue).joined(separator: ", "))"
            }
            sections.append(("What-if: \(outcome.summary)", []))
            sections.append(("What-if: prefixes that lose every path (\(outcome.lostPrefixes.count))", insights.lostPrefixes))
        }
        sections.append(("AWS → GCP: what AWS advertises over the VPN and Cloud Router learns (\(routes.awsToGCP.count))", routes.awsToGCP.map(line)))
        sections.append(("GCP → AWS: what Cloud Router advertises and the TGW learns (\(routes.gcpToAWS.count))", routes.gcpToAWS.map(line)))
        if !routes.notes.isEmpty { sections.append(("Where the two sides' views disagree", routes.notes)) }
        insights.routeSections = sections
        return insights
    }
}
