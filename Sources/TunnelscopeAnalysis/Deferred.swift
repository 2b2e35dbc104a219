import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value made on first use, once, whichever thread asks first (the others wait for it).
/// For the parts of an analysis that `check` never reads (the element directory, the failure
/// simulator): building them is a third of the analysis of a large network. The explorer also
/// starts one on another thread (`prefetch`) for what its first frame does not need, and lets
/// go of one (`release`) while a reload builds its successor; it is made again if asked for.
package final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let make: @Sendable () -> Value
    private var made: Value?

    /// `now`: make the value at once (for one needed now that can be let go of later).
    package init(now: Bool = false, _ make: @escaping @Sendable () -> Value) {
        self.make = make
        if now { made = make() }
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package var value: Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let made { return made }
        let value = make()
        made = value
        return value
    }

    /// Whether the value is held now (not released, or made again since).
    package var isHeld: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return made != nil
    }

    /// Forgets the value; the next use makes it again. Its memory is freed now, or with
    /// `inBackground` on another thread (freeing a large structure takes milliseconds the caller
    /// need not wait for) once nobody else holds it.
    package func release(inBackground: Bool = false) {
        pthread_mutex_lock(mutex)
        let value = made
        made = nil
        pthread_mutex_unlock(mutex)
        guard inBackground, let value else { return }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }
}

extension Deferred {
    /// Starts making the value on a thread of its own now; whoever asks before it is made waits
    /// for it (it is made once either way).
    package func prefetch() {
        DispatchQueue.global(qos: .userInitiated).async { _ = self.value }
    }
}
