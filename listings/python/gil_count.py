# The Python half of `cargo run --release --example gil_speedup`, which runs it
# with its own arguments. Run alone, it is recorded on a small job on 2
# threads; the time varies from run to run.
# output: args --limit 20000 --threads 2
# output: measurement
# output: mask seconds \S+
# output: invariant total 1834634
# output: invariant python \S+ \S+, GIL (enabled|disabled)
# ANCHOR: all
"""A CPU-bound job on N threads, timed: the Python half of `gil_speedup`.

The job adds up the Collatz steps of every number from 1 to LIMIT: how many
times `n = n // 2` (n even) or `n = 3 * n + 1` (n odd) runs before n is 1.
Thread k of N takes the numbers k + 1, k + 1 + N, k + 1 + 2N, ... so every
thread gets about the same amount of work.

Usage: python3 gil_count.py --limit LIMIT --threads N

It prints three lines, which `cargo run --example gil_speedup` reads:

    total <the sum of all threads' steps>
    seconds <the threads' wall time, in seconds>
    python <implementation> <version>, GIL <enabled or disabled>
"""

import argparse
import platform
import sys
import threading
import time


def collatz_steps(first, limit, stride):
    """Total Collatz steps of first, first + stride, ... up to limit."""
    total = 0
    for start in range(first, limit + 1, stride):
        n = start
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total


def gil_state():
    """'enabled' or 'disabled'; builds before 3.13 always have the GIL."""
    is_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_enabled is None:
        return "enabled"
    return "enabled" if is_enabled() else "disabled"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, required=True)
    parser.add_argument("--threads", type=int, required=True)
    args = parser.parse_args()
    if args.limit < 1 or args.threads < 1:
        parser.error("--limit and --threads must be at least 1")

    totals = [0] * args.threads  # each thread writes only its own slot

    def work(k):
        totals[k] = collatz_steps(k + 1, args.limit, args.threads)

    threads = [
        threading.Thread(target=work, args=(k,)) for k in range(args.threads)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start

    print(f"total {sum(totals)}")
    print(f"seconds {seconds:.6f}")
    print(
        f"python {platform.python_implementation()} {platform.python_version()},"
        f" GIL {gil_state()}"
    )


if __name__ == "__main__":
    main()
# ANCHOR_END: all
