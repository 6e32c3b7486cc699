"""Python's tool for a shared counter: a Lock around every update."""
# output: invariant 400000
import threading


# ANCHOR: counter
class Counter:
    def __init__(self):
        self._lock = threading.Lock()
        self._value = 0

    def increment(self):
        with self._lock:
            self._value += 1
            return self._value
# ANCHOR_END: counter


def work(counter, last, k):
    for _ in range(100_000):
        last[k] = counter.increment()


counter, last = Counter(), [0] * 4
threads = [threading.Thread(target=work, args=(counter, last, k)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(max(last))  # the last increment of all returned the total
