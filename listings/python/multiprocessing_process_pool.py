"""Counting primes in 16 jobs on a pool of 4 worker processes."""
# output: invariant 7837
# ANCHOR: main
from concurrent.futures import ProcessPoolExecutor


def count_primes(bounds):
    lo, hi = bounds
    return sum(1 for n in range(lo, hi)
               if n >= 2 and all(n % d for d in range(2, int(n ** 0.5) + 1)))


if __name__ == "__main__":
    jobs = [(i * 5000, (i + 1) * 5000) for i in range(16)]
    with ProcessPoolExecutor(max_workers=4) as pool:
        print(sum(pool.map(count_primes, jobs)))
# ANCHOR_END: main
