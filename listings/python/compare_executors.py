"""One API, two executors: the same map on threads and in processes."""
# output: invariant ThreadPoolExecutor \[0, 1, 4, 9, 16\]
# output: invariant ProcessPoolExecutor \[0, 1, 4, 9, 16\]
# ANCHOR: main
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def square(n):
    return n * n


if __name__ == "__main__":
    for Pool in (ThreadPoolExecutor, ProcessPoolExecutor):
        with Pool(max_workers=4) as pool:
            print(Pool.__name__, list(pool.map(square, range(5))))
# ANCHOR_END: main
