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

    package init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
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

    /// Forgets the value (its memory is freed once nobody else holds it); the next use makes it again.
    package func release() {
        pthread_mutex_lock(mutex)
        made = nil
        pthread_mutex_unlock(mutex)
    }
}

extension Deferred {
    /// Starts making the value on a thread of its own now; whoever asks before it is made waits
    /// for it (it is made once either way).
    package func prefetch() {
        DispatchQueue.global(qos: .userInitiated).async { _ = self.value }
    }
}

/// A value made now, which can be released to free its memory and is made again, once, by
/// whoever asks for it next.
final class Rebuildable<Value: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let make: @Sendable () -> Value
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        made = make()
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    var value: Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let made { return made }
        let value = make()
        made = value
        return value
    }

    /// Whether the value is held now (not released, or made again since).
    var isHeld: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return made != nil
    }

    /// Drops the value; it is freed on another thread (freeing a large structure takes a few
    /// milliseconds the caller need not wait for).
    func release() {
        pthread_mutex_lock(mutex)
        let value = made
        made = nil
        pthread_mutex_unlock(mutex)
        guard let value else { return }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }
}
