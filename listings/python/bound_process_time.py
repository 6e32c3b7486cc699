"""Wall time against CPU time, for a computation and for a wait."""
# The times and their ratio vary from run to run.
# output: measurement
# output: mask-numbers
# output: invariant compute: wall \S+s, CPU \S+s, CPU/wall \S+
# output: invariant wait: wall \S+s, CPU \S+s, CPU/wall \S+
# ANCHOR: main
import time


def measure(name, job):
    wall, cpu = time.perf_counter(), time.process_time()
    job()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{name}: wall {wall:.3f}s, CPU {cpu:.3f}s, CPU/wall {cpu / wall:.2f}")


measure("compute", lambda: sum(i * i for i in range(2_000_000)))
measure("wait", lambda: time.sleep(0.05))
# ANCHOR_END: main
