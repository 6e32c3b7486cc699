"""Side by side: three threads each sum a range; results come back through a dict."""
# output: invariant partial sums: \[499500, 1499500, 2499500\]
# output: invariant total: 4498500
import threading


# ANCHOR: main
def work(part, results):
    results[part] = sum(range(part * 1000, (part + 1) * 1000))


results = {}  # a thread returns nothing: it leaves its result here
threads = []
for part in range(3):
    t = threading.Thread(target=work, args=(part, results))
    t.start()
    threads.append(t)
for t in threads:
    t.join()

sums = [results[part] for part in range(3)]
print("partial sums:", sums)
print("total:", sum(sums))
assert sum(sums) == sum(range(3000))
# ANCHOR_END: main
