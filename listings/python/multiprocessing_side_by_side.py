"""Side by side with Rust: count the primes in four ranges, each job in a worker process."""
# output: invariant primes below 80000: 7837
# ANCHOR: main
from concurrent.futures import ProcessPoolExecutor


def count_primes(bounds):
    lo, hi = bounds
    return sum(1 for n in range(lo, hi)
               if n >= 2 and all(n % d for d in range(2, int(n ** 0.5) + 1)))


if __name__ == "__main__":
    jobs = [(i * 20_000, (i + 1) * 20_000) for i in range(4)]
    with ProcessPoolExecutor(max_workers=4) as pool:
        total = sum(pool.map(count_primes, jobs))
    print("primes below 80000:", total)
    assert total == 7837
# ANCHOR_END: main
