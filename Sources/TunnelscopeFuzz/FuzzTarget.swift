import Foundation
import TunnelscopeImport

#if FUZZING
    import CLibFuzzer
#endif

/// The fuzz target over the import (recogniser, JSON and XML parsers, decoders, the join): one
/// input through `FuzzEntry.run`, whose invariants trap.
///
/// - Fuzzing build (`scripts/fuzz.sh`: `-sanitize=fuzzer -DFUZZING`): `main` hands the command
///   line to libFuzzer's driver (`LLVMFuzzerRunDriver`), which calls `fuzzOneInput` with each
///   input it generates. SwiftPM names every executable's entry point `<module>_main` and links
///   `main` to it, so libFuzzer's own `main` cannot be used.
/// - Normal build: runs each file given once (`swift run TunnelscopeFuzz crash-…` replays a crash
///   the fuzzer found, in a debugger if need be).
@main
struct TunnelscopeFuzz {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("\(path): cannot be read")
                    continue
                }
                FuzzEntry.run(Array(data))
                print("\(path): ok")
            }
        #endif
    }
}

/// libFuzzer's callback (its archive, linked whole by `-sanitize=fuzzer`, refers to it by name).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
