"""Side by side with rayon: square a thousand numbers on every core, in a process pool."""
# output: invariant sum of squares: 333833500
# ANCHOR: main
from concurrent.futures import ProcessPoolExecutor


def square(n):
    return n * n


if __name__ == "__main__":
    numbers = list(range(1, 1_001))
    with ProcessPoolExecutor() as pool:
        squares = list(pool.map(square, numbers, chunksize=100))
    assert squares[:3] == [1, 4, 9]  # results come back in input order
    print("sum of squares:", sum(squares))
# ANCHOR_END: main
