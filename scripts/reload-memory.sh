#!/usr/bin/env bash
# Measures the explorer's memory around a reload (`r`): its resident memory once the first frame
# is drawn and it has gone quiet (the steady state), the highest resident memory while a reload
# runs (sampled every few milliseconds from /proc), and the resident memory once it is over.
#
#   scripts/reload-memory.sh [--reloads N] [--binary PATH] DIR
#
# DIR is a folder of exports (e.g. one made by `tunnelscope generate -o DIR --vpcs 10000`). Needs
# tmux and Linux's /proc. The explorer runs at 160×48 in a tmux session of its own.
set -euo pipefail

reloads=3
binary=.build/release/tunnelscope
while [[ $# -gt 1 ]]; do
    case "$1" in
        --reloads) reloads="$2"; shift 2 ;;
        --binary) binary="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[[ $# -eq 1 ]] || { echo "usage: $0 [--reloads N] [--binary PATH] DIR" >&2; exit 2; }
dir="$1"
binary="$(realpath "$binary")"
session="reload-memory-$$"

rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
screen() { tmux capture-pane -p -t "$session"; }

# Waits until the explorer has used no CPU for half a second (the first frame and whatever it
# builds beside it are done), then three seconds more: after two idle seconds the explorer hands
# the allocator's free pages back, and the steady state is what it holds after that.
quiet() {
    local last now
    last=$(cpu)
    for _ in $(seq 1 600); do
        sleep 0.5
        now=$(cpu)
        if [[ "$now" == "$last" ]]; then
            sleep 3
            return 0
        fi
        last=$now
    done
    echo "the explorer never went quiet" >&2
    exit 1
}

tmux new-session -d -s "$session" -x 160 -y 48 "exec '$binary' '$dir'"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
quiet
steady=$(rss)
echo "steady state: $((steady / 1024)) MiB"
for n in $(seq 1 "$reloads"); do
    before=$(rss)
    peak=$before
    tmux send-keys -t "$session" r
    # Sample until the progress line has gone and the explorer is quiet again.
    seen=0
    for _ in $(seq 1 100000); do
        now=$(rss)
        ((now > peak)) && peak=$now
        if screen | grep -q "Reloading…"; then seen=1; elif ((seen)); then break; fi
        sleep 0.003
    done
    quiet
    after=$(rss)
    ((after > peak)) && peak=$after
    printf 'reload %d: before %d MiB, peak %d MiB (%.2f× the steady state), after %d MiB\n' \
        "$n" $((before / 1024)) $((peak / 1024)) "$(echo "$peak / $steady" | bc -l)" $((after / 1024))
done
