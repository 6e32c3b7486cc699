"""Wall time against CPU time, for a computation and for a wait."""
# Each figure is a median of samples taken with the harness.
# output: measurement
# output: invariant compute, wall time +median \S+ \S?s \(p10–p90 \S+, n=\d+\)
# output: invariant compute, CPU / wall +median \S+× \(p10–p90 \S+, n=\d+\)
# output: invariant wait, CPU / wall +median \S+× \(p10–p90 \S+, n=\d+\)
import time

import harness

quick = harness.quick_from_args("bound_process_time.py")
N = 10_000 if quick else 1_000_000


# ANCHOR: main
def clocks(job):
    """Runs job(); returns its wall time and its CPU time, in seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    job()
    return time.perf_counter() - wall, time.process_time() - cpu


def cpu_per_wall(job):
    wall, cpu = clocks(job)
    return cpu / wall


jobs = {"compute": lambda: sum(i * i for i in range(N)), "wait": lambda: time.sleep(0.05)}
# ANCHOR_END: main
for name, job in jobs.items():
    wall = harness.sample(f"{name}, wall time", "s", lambda: clocks(job)[0], quick)
    cpu = harness.sample(f"{name}, CPU time", "s", lambda: clocks(job)[1], quick)
    ratio = harness.sample(f"{name}, CPU / wall", "×", lambda: cpu_per_wall(job), quick)
    for figure in wall, cpu, ratio:
        print(figure.line(22))
