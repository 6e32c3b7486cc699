"""CPU-bound work in worker processes: arguments and results travel pickled."""
# output: invariant 333332833333500000
# ANCHOR: main
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool(processes=4) as pool:
        results = pool.map(square, range(1_000_000), chunksize=10_000)
    print(sum(results))
# ANCHOR_END: main
