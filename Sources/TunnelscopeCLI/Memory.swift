#if canImport(Glibc)
    import Glibc
#endif

/// The process's memory, as the allocator holds it.
enum Memory {
    /// Hands the allocator's free pages back to the system (glibc keeps freed memory for reuse,
    /// so a model that has been replaced would otherwise stay resident). `malloc_trim` is looked up
    /// at run time (glibc's `malloc.h` is not in Swift's Glibc module); a no-op where it is absent.
    static func returnFreePages() {
        #if canImport(Glibc)
            // RTLD_DEFAULT is the null handle on glibc.
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            typealias Trim = @convention(c) (Int) -> Int32
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
