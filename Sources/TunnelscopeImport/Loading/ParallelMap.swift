import Foundation

/// Work on every core with results in input order, so that what is loaded never depends on which
/// core finished first.
extension Importer {
    /// `transform` over `items`, results in order: on every core when `parallel`, starting with
    /// the largest items when a `size` is given (so that one big file does not run alone at the end).
    static func map<T: Sendable, R>(
        _ items: [T], largestFirst size: ((T) -> Int)? = nil, parallel: Bool = true, _ transform: @Sendable (T) -> R
    ) -> [R] {
        guard parallel, items.count > 1 else { return items.map(transform) }
        let order = size.map { size in items.indices.sorted { (size(items[$0]), $1) > (size(items[$1]), $0) } }
        let results = ResultSlots<Unchecked<R>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { n in
            let i = order?[n] ?? n
            results.set(i, Unchecked(transform(items[i])))
        }
        return results.values.map(\.value)
    }
}

/// A value handed from the core that made it to the one that merges it, after the work is joined.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Fixed slots written from concurrent iterations, each slot by one iteration only.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [T] { storage.map { $0! } }
}
