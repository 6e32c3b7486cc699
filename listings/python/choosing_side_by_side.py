"""Python's usual split: threads for the waiting, processes for the computing."""
# output: invariant fetched \[0, 1, 4, 9, 16, 25, 36, 49\]
# output: invariant primes \[168, 303\]
# ANCHOR: main
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def fetch(i: int) -> int:
    time.sleep(0.02)  # stands in for a network call
    return i * i


def count_primes(n: int) -> int:
    return sum(all(k % d for d in range(2, int(k**0.5) + 1)) for k in range(2, n))


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=8) as threads:
        fetched = list(threads.map(fetch, range(8)))
    with ProcessPoolExecutor() as processes:
        primes = list(processes.map(count_primes, [1_000, 2_000]))
    print("fetched", fetched)
    print("primes", primes)
    assert primes == [168, 303]
# ANCHOR_END: main
