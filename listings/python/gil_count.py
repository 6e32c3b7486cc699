# The Python half of `cargo run --release --example gil_speedup`, which runs it
# with its own arguments. Run alone, it is recorded on a small job on 2
# threads; its figures vary from run to run.
# output: args --limit 5000 --threads 2
# output: measurement
# output: invariant total 387968
# output: invariant python \S+ \S+, GIL (enabled|disabled)
# output: invariant python, 1 thread +median .*
# output: invariant python, N threads +median .*
# output: invariant python, speedup on N threads +median .*
"""A CPU-bound job on 1 and on N threads, timed: the Python half of `gil_speedup`.

The job adds up the Collatz steps of every number from 1 to LIMIT: how many
times `n = n // 2` (n even) or `n = 3 * n + 1` (n odd) runs before n is 1.
Thread k of N takes the numbers k + 1, k + 1 + N, k + 1 + 2N, ... so every
thread gets about the same amount of work.

Usage: python3 gil_count.py --limit LIMIT --threads N [--quick]

Each sample of the measurement harness (harness.py) runs the job on 1
thread, then on N. It prints the total, which Python ran it, and three
figures, which `cargo run --example gil_speedup` reads:

    total <the sum of all threads' steps>
    python <implementation> <version>, GIL <enabled or disabled>
    python, 1 thread              median ... (the job's wall time)
    python, N threads             median ...
    python, speedup on N threads  median ... (1 thread / N threads, per sample)
"""

import argparse
import platform
import sys
import threading
import time

import harness


# ANCHOR: job
def collatz_steps(first, limit, stride):
    """Total Collatz steps of first, first + stride, ... up to limit."""
    total = 0
    for start in range(first, limit + 1, stride):
        n = start
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total


def run(limit, threads):
    """The job on `threads` threads: its total and its wall time in seconds."""
    totals = [0] * threads  # each thread writes only its own slot

    def work(k):
        totals[k] = collatz_steps(k + 1, limit, threads)

    workers = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    start = time.perf_counter()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return sum(totals), time.perf_counter() - start
# ANCHOR_END: job


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
    parser.add_argument("--quick", action="store_true", help="a tiny run, for the tests")
    args = parser.parse_args()
    if args.limit < 1 or args.threads < 1:
        parser.error("--limit and --threads must be at least 1")

    pairs, totals = [], set()  # (1 thread, N threads) wall times of each sample

    def one_sample():
        (total_1, one), (total_n, many) = run(args.limit, 1), run(args.limit, args.threads)
        totals.update((total_1, total_n))
        pairs.append((one, many))
        return one / many

    speedup = harness.sample("python, speedup on N threads", "×", one_sample, args.quick)
    assert len(totals) == 1, f"the split must not change the result: {totals}"
    del pairs[0]  # the harness's warm-up

    print(f"total {totals.pop()}")
    print(
        f"python {platform.python_implementation()} {platform.python_version()},"
        f" GIL {gil_state()}"
    )
    print(harness.Figure("python, 1 thread", "s", [one for one, _ in pairs]).line(30))
    print(harness.Figure("python, N threads", "s", [many for _, many in pairs]).line(30))
    print(speedup.line(30))


if __name__ == "__main__":
    main()
