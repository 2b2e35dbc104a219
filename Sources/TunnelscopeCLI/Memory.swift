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

    /// Lets threads started from now on share the allocator's existing arenas instead of each
    /// taking a new one (glibc's `M_ARENA_MAX`). The explorer sets one before its first load: a
    /// reload's thread then allocates where the old model was freed, and resident memory does not
    /// creep up reload after reload (with an arena per thread, freed memory stays in arenas the
    /// next build does not use).
    static func shareArenas(atMost count: Int32) {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, "mallopt") else { return }
            typealias Option = @convention(c) (Int32, Int32) -> Int32
            let arenaMax: Int32 = -8  // M_ARENA_MAX in malloc.h
            _ = unsafeBitCast(symbol, to: Option.self)(arenaMax, count)
        #endif
    }
}
