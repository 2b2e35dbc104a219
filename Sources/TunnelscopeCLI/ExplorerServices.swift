import TunnelscopeModel
import TunnelscopeRender

/// Connects the explorer to the analysis: findings, what-if, routes, paths and ID resolution.
enum ExplorerServices {
    static func make() -> Services {
        Services(insights: { model, failed in
            Insights(findings: [], failed: failed)
        })
    }
}
