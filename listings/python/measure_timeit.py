"""timeit repeats a statement and reports the best of the repeats; the
book's harness times the same statement its own way."""
# The time varies from run to run.
# output: measurement
# output: mask-durations
# output: invariant timeit, best of 5: \S+ µs per run
# output: invariant sum\(range\(1000\)\) +median \S+ \S+ \(p10–p90 \S+, n=\d+\)
# ANCHOR: main
import timeit

from harness import quick_from_args, time_call

quick = quick_from_args("measure_timeit")
number = 20 if quick else 2_000
runs = timeit.repeat("sum(range(1000))", repeat=5, number=number)
print(f"timeit, best of 5: {min(runs) / number * 1e6:.2f} µs per run")
print(time_call("sum(range(1000))", lambda: sum(range(1000)), quick).line())
# ANCHOR_END: main
