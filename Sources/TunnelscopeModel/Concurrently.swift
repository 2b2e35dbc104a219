import Dispatch

/// Two independent pieces of work at once, on two cores when there are (the calling thread
/// does one of them, so nothing waits for a free thread).
enum Concurrently {
    static func run<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let results = Results<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { results.a = a() } else { results.b = b() }
        }
        return (results.a!, results.b!)
    }

    /// Each written by one iteration, read after both have finished.
    private final class Results<A, B>: @unchecked Sendable {
        var a: A?
        var b: B?
    }
}
