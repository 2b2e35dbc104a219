#!/usr/bin/env bash
# Fuzzes the import (recogniser, JSON and configuration-XML parsers, decoders, the tunnel join)
# with libFuzzer for a bounded time. Run with --help for the details.
set -euo pipefail

readonly prog="${0##*/}"

usage() {
    cat <<USAGE
Usage: $prog [SECONDS] [libFuzzer options...]

Builds the TunnelscopeFuzz target with -sanitize=fuzzer,address into .build-fuzz/ (apart from the normal
.build/), then runs it for SECONDS (default 60) on a seed corpus copied at run time into a
temporary folder: Tests/Fixtures, the built-in example, ../shared/samples/wild (when present)
and the configuration XML documents inside their VPN connections.

Exit status: 0 when no input crashed, hung (over 10 s) or used more than 2 GiB; otherwise
libFuzzer's, and the input that did it is kept in .build-fuzz/artifacts/ (replay it with
\`swift run TunnelscopeFuzz FILE\` in the normal build).

Environment:
  FUZZ_CONFIGURATION   release (default: faster, overflow checks and preconditions kept) or debug.
  FUZZ_KEEP_CORPUS     a folder to keep the inputs libFuzzer found (default: thrown away).
Extra arguments go to libFuzzer (e.g. -jobs=2 -workers=2, -max_len=65536, -seed=1).
USAGE
}

case "${1:-}" in -h | --help) usage; exit 0 ;; esac
seconds="${1:-60}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { usage >&2; exit 2; }
shift || true

cd "$(dirname "$0")/.."
readonly config="${FUZZ_CONFIGURATION:-release}"
readonly scratch=.build-fuzz

# AddressSanitizer too: the JSON parser reads the file's bytes and its tape through pointers.
echo "$prog: building TunnelscopeFuzz ($config, -sanitize=fuzzer,address) into $scratch/"
build_start=$SECONDS
swift build --product TunnelscopeFuzz -c "$config" --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
echo "$prog: built in $((SECONDS - build_start)) s"
readonly binary="$scratch/$config/TunnelscopeFuzz"

work="$(mktemp -d "${TMPDIR:-/tmp}/tunnelscope-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds" "$work/corpus" "$scratch/artifacts"

# Seeds: every JSON file of the fixtures, the example and the wild corpus (copied, never moved).
n=0
sources=(Tests/Fixtures Sources/TunnelscopeExample/ExampleNetwork)
[[ -d ../shared/samples/wild ]] && sources+=(../shared/samples/wild)
while IFS= read -r -d '' file; do
    n=$((n + 1))
    cp "$file" "$work/seeds/$n-${file##*/}"
done < <(find "${sources[@]}" -type f -name '*.json' -print0 | sort -z)
# The configuration XML of each VPN connection, as a seed of its own (the target wraps XML input
# into a VPN connection and also parses it directly).
if command -v python3 >/dev/null; then
    python3 - "$work/seeds" <<'PY'
import json, pathlib, sys
seeds = pathlib.Path(sys.argv[1])
for i, path in enumerate(sorted(seeds.glob("*.json"))):
    try:
        doc = json.loads(path.read_text())
    except Exception:
        continue
    items = doc.get("VpnConnections") if isinstance(doc, dict) else None
    for j, item in enumerate(items if isinstance(items, list) else []):
        xml = item.get("CustomerGatewayConfiguration") if isinstance(item, dict) else None
        if isinstance(xml, str) and xml.lstrip().startswith("<"):
            (seeds / f"xml-{i}-{j}.xml").write_text(xml)
PY
fi
echo "$prog: $(find "$work/seeds" -type f | wc -l) seeds; fuzzing for $seconds s"

corpus="$work/corpus"
[[ -n "${FUZZ_KEEP_CORPUS:-}" ]] && { mkdir -p "$FUZZ_KEEP_CORPUS"; corpus="$FUZZ_KEEP_CORPUS"; }
status=0
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict=scripts/fuzz.dict -artifact_prefix="$scratch/artifacts/" "$@" "$corpus" "$work/seeds" || status=$?
if ((status != 0)); then
    echo "$prog: libFuzzer stopped with status $status; the input is in $scratch/artifacts/" >&2
fi
exit "$status"
