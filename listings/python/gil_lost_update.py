"""The same count kept in a dict with get(): on CPython 3.11 updates are lost."""
# How many updates are lost depends on where the thread switches fall.
# output: mask counted \d+
# output: invariant counted \d+ of 4000000
# ANCHOR: main
import threading

counts = {}


def work():
    for _ in range(1_000_000):
        counts["hits"] = counts.get("hits", 0) + 1  # get() is a call


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counted", counts["hits"], "of", 4_000_000)
print("updates lost:", counts["hits"] < 4_000_000)
# ANCHOR_END: main
