"""CPU-bound work on every core in Python: processes, each with its own GIL."""
# output: invariant 2864311
# ANCHOR: main
from concurrent.futures import ProcessPoolExecutor


def collatz_steps(start):
    n, steps = start, 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


if __name__ == "__main__":  # needed where workers start by importing this file
    with ProcessPoolExecutor() as pool:
        print(sum(pool.map(collatz_steps, range(1, 30_001), chunksize=1_000)))
# ANCHOR_END: main
