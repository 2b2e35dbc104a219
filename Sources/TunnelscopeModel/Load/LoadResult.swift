/// The result of loading: the model and the report of what was and was not used.
public struct LoadResult: Sendable {
    public let model: NetworkModel
    public let report: LoadReport
    /// What was loaded, for the header: paths given, or "built-in example".
    public let origin: String

    public init(model: NetworkModel, report: LoadReport, origin: String) {
        self.model = model
        self.report = report
        self.origin = origin
    }
}

extension LoadResult {
    /// When and how each cloud's export was made (manifests, or file times).
    public var provenance: Provenance { report.provenance }
}
