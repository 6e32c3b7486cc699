"""A bounded queue, four workers, and a sentinel per worker to stop them."""
# output: invariant 100 squares, sum 328350
# ANCHOR: main
import queue
import threading

q = queue.Queue(maxsize=16)
results = []  # list.append is atomic in CPython


def worker():
    while (n := q.get()) is not None:
        results.append(n * n)


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for n in range(100):
    q.put(n)  # blocks while 16 items wait: backpressure
for _ in threads:
    q.put(None)  # one sentinel per worker: "no more items"
for t in threads:
    t.join()
print(len(results), "squares, sum", sum(results))
# ANCHOR_END: main
