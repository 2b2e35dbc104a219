// libFuzzer's driver, declared for TunnelscopeFuzz. Only a fuzzing build (scripts/fuzz.sh:
// -sanitize=fuzzer, which links libFuzzer) calls it; the normal build never references it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
