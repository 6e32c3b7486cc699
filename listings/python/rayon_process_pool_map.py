"""Python's nearest tool to par_iter: a process pool's map, in chunks."""
# output: invariant 332833500
# ANCHOR: main
from concurrent.futures import ProcessPoolExecutor


def square(n):
    return n * n


if __name__ == "__main__":
    with ProcessPoolExecutor() as pool:
        squares = list(pool.map(square, range(1_000), chunksize=100))
    print(sum(squares))
# ANCHOR_END: main
