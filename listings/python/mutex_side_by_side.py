"""Side by side: two threads move money between two accounts under a Lock beside the dict."""
# The balances and the total are the chapter's point, on any Python.
# output: invariant a 100, b 100, total 200
# ANCHOR: main
import threading

lock = threading.Lock()  # the lock and the dict it guards are two objects
balances = {"a": 100, "b": 100}


def transfer(src, dst, amount):
    with lock:  # nothing but habit makes us take it
        balances[src] -= amount
        balances[dst] += amount


def shuffle(src, dst):
    for _ in range(200):
        transfer(src, dst, 1)


threads = [threading.Thread(target=shuffle, args=pair) for pair in [("a", "b"), ("b", "a")]]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = sum(balances.values())
print(f"a {balances['a']}, b {balances['b']}, total {total}")
assert (balances["a"], balances["b"], total) == (100, 100, 200)
# ANCHOR_END: main
