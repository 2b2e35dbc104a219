import Foundation
import Testing
import TunnelscopeModel
import TunnelscopeTestSupport

@testable import TunnelscopeAnalysis

/// A deferred value is made once on first use, whichever thread asks, and made again after
/// `release` (the explorer lets go of the old analysis' directory while a reload runs).
@Suite struct DeferredTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }

    @Test func madeOnceThenAgainAfterRelease() {
        let counter = Counter()
        let deferred = Deferred { counter.next() }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in #expect(deferred.value == 1) }
        #expect(deferred.value == 1)
        deferred.release()
        #expect(deferred.value == 2)
        #expect(deferred.value == 2)
    }

    @Test func anAnalysisAnswersAfterReleasingWhatItDerived() {
        let analysis = Analysis(model: Variants.healthy)
        let before = analysis.whatIf(failing: ["to-gcp-if0"]).summary
        #expect(before.contains("to-gcp-if0"))
        let entries = analysis.directory.entries.map(\.id)
        analysis.releaseDerived()
        #expect(analysis.directory.entries.map(\.id) == entries)
        #expect(analysis.whatIf(failing: ["to-gcp-if0"]).summary == before)
    }
}
