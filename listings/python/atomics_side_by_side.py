"""Side by side: four threads keep one running maximum, under a Lock."""
# output: invariant max 3999
import threading

# ANCHOR: main
lock = threading.Lock()
best = 0


def work(k):
    global best
    for reading in range(k, 4_000, 4):  # thread k sees k, k + 4, k + 8, ...
        with lock:  # the comparison and the assignment must not be split
            if reading > best:
                best = reading


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("max", best)
assert best == 3_999
# ANCHOR_END: main
