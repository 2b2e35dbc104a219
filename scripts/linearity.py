#!/usr/bin/env python3
"""How `check` grows from a small network to a large one, measured in turns.

    scripts/linearity.py [--rounds N] [--binary PATH] SMALL_DIR LARGE_DIR

Runs `tunnelscope check --format json` on SMALL_DIR and LARGE_DIR alternately, N rounds (default
12), and prints the median wall-clock and CPU time of each and their ratio, with every round's
ratio. Alternating matters on a shared machine: its speed drifts by 10-20% from one minute to the
next, and two series run one after the other can differ by that much on their own. The folders are
e.g. `tunnelscope generate -o DIR --vpcs 10000` and `--vpcs 50000` (the goal: 50,000 VPCs within
5.5x of 10,000).

With `--python`, each round also times Python's `json.load` of every `.json` file of each folder
(as `tunnelscope bench` does): a strictly linear reader on the same machine in the same minutes,
so its ratio shows how much of the growth is the machine's (bigger files, more memory, the same
caches), not tunnelscope's.
"""
import argparse
import os
import statistics
import subprocess
import time


def run(binary, folder):
    """Wall-clock and CPU (user + system) seconds of one `check --format json` process."""
    start = time.monotonic()
    process = subprocess.Popen(
        [binary, "check", "--format", "json", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime


def python_load(folder):
    """Wall-clock and CPU seconds of Python's json.load over every .json file under `folder`."""
    paths = sorted(
        os.path.join(root, name) for root, _, names in os.walk(folder) for name in names if name.endswith(".json")
    )
    start = time.monotonic()
    process = subprocess.Popen(
        ["python3", "-c", "import json,sys\nfor f in sys.argv[1:]: json.load(open(f,'rb'))"] + paths,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime


def report(name, small, large):
    wall = [statistics.median(t[0] for t in s) for s in (small, large)]
    cpu = [statistics.median(t[1] for t in s) for s in (small, large)]
    print(f"{name}")
    print(f"  small  {wall[0]:.3f} s wall, {cpu[0]:.3f} s CPU (median of {len(small)})")
    print(f"  large  {wall[1]:.3f} s wall, {cpu[1]:.3f} s CPU")
    print(f"  ratio  {wall[1] / wall[0]:.2f}x wall, {cpu[1] / cpu[0]:.2f}x CPU (medians)")
    rounds = sorted(round(b[0] / a[0], 2) for a, b in zip(small, large))
    print("  rounds " + " ".join(f"{r:.2f}" for r in rounds))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--binary", default=".build/release/tunnelscope")
    parser.add_argument("--python", action="store_true", help="also time Python's json.load in the same turns")
    parser.add_argument("small")
    parser.add_argument("large")
    args = parser.parse_args()
    small, large = [], []
    python_small, python_large = [], []
    for _ in range(args.rounds):
        small.append(run(args.binary, args.small))
        large.append(run(args.binary, args.large))
        if args.python:
            python_small.append(python_load(args.small))
            python_large.append(python_load(args.large))
    report("tunnelscope check --format json", small, large)
    if args.python:
        report("python3 json.load (the same files)", python_small, python_large)

if __name__ == "__main__":
    main()
