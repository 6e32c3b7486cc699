"""timeit repeats a statement and reports the best of the repeats."""
# The time varies from run to run.
# output: measurement
# output: mask-durations
# output: invariant best of 5: \S+ µs per run
# ANCHOR: main
import timeit

runs = timeit.repeat("sum(range(1000))", repeat=5, number=2_000)
print(f"best of 5: {min(runs) / 2_000 * 1e6:.2f} µs per run")
# ANCHOR_END: main
