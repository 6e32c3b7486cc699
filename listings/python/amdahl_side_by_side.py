"""Side by side with Rust: square numbers on every core, in a pool of processes."""
# output: invariant sum of squares: 332833500
# ANCHOR: main
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool() as pool:  # one worker process per logical CPU
        squares = pool.map(square, range(1_000), chunksize=100)
    total = sum(squares)
    print("sum of squares:", total)
    assert total == 332_833_500
# ANCHOR_END: main
