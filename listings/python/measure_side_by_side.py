"""Timing a short statement the usual Python way: perf_counter around a batch."""
# The time per run depends on the machine and the moment.
# output: mask-durations
# output: invariant total 499500
# ANCHOR: main
import time

data = list(range(1000))
RUNS = 100
start = time.perf_counter()
for _ in range(RUNS):
    total = sum(data)
elapsed = time.perf_counter() - start
print("total", total)
print(f"{elapsed / RUNS * 1e6:.2f} µs per run")
assert total == 499500
# ANCHOR_END: main
