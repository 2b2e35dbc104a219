import Foundation
import TunnelscopeAnalysis
import TunnelscopeImport
import TunnelscopeModel
import TunnelscopeTestSupport

/// The diff fixtures under `Tests/Fixtures/diff/<case>/{before,after}/`: files that replace (or add
/// to) the built-in example's files of the same relative path; a side without a folder is the
/// example as it is.
enum DiffFixtures {
    static func files(_ fixture: String, _ side: String) -> [InputFile] { DiffCases.files(fixture, side) }

    static func analysis(_ fixture: String, _ side: String) -> Analysis {
        let result = Importer.load(files: files(fixture, side), origin: "\(fixture)/\(side)")
        return Analysis(model: result.model, report: result.report)
    }

    static func diff(_ fixture: String) -> SnapshotDiff {
        SnapshotDiff(before: analysis(fixture, "before"), after: analysis(fixture, "after"))
    }
}
