"""Side by side: ten slow calls on ten threads wait at the same time."""
# The wall time depends on the machine and its load.
# output: mask-durations
# output: invariant answers \[0, 2, 4, 6, 8, 10, 12, 14, 16, 18\]
# ANCHOR: main
import time
from concurrent.futures import ThreadPoolExecutor


def slow_call(i):
    time.sleep(0.1)  # stands for a database query
    return 2 * i


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=10) as pool:
    answers = list(pool.map(slow_call, range(10)))  # in order of the ids
print("answers", answers)
print(f"10 calls of 100 ms took {(time.perf_counter() - start) * 1000:.0f} ms")
assert answers == [2 * i for i in range(10)]
# ANCHOR_END: main
