import Dispatch

/// Independent pieces of work run on the available cores, their results in the order of the
/// pieces whatever order they finish in (the same for every run, and the same as a serial run).
enum Parallel {
    /// Each job's result, at the job's index. `concurrently: false` runs them one after another.
    static func run<T: Sendable>(_ jobs: [@Sendable () -> T], concurrently: Bool = true) -> [T] {
        guard concurrently, jobs.count > 1 else { return jobs.map { $0() } }
        let slots = Slots<T>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in slots.set(i, jobs[i]()) }
        return slots.values
    }

    /// Two jobs of different result types at once.
    static func run<A: Sendable, B: Sendable>(
        _ a: @escaping @Sendable () -> A, _ b: @escaping @Sendable () -> B, concurrently: Bool = true
    ) -> (A, B) {
        guard concurrently else { return (a(), b()) }
        let first: @Sendable () -> Either<A, B> = { .first(a()) }
        let second: @Sendable () -> Either<A, B> = { .second(b()) }
        let results = run([first, second])
        guard case .first(let x) = results[0], case .second(let y) = results[1] else { fatalError("job order") }
        return (x, y)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }
}

/// One slot per job, each written by exactly one job, read after all have finished.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    var values: [T] { storage.map { $0! } }
}
