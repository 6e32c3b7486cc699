"""A Lock next to the dict it guards: the link is a convention, not a type."""
# output: invariant balances \{'a': 100, 'b': 100\}, total 200
# ANCHOR: main
import threading

lock = threading.Lock()
balances = {"a": 100, "b": 100}


def transfer(src, dst, amount):
    with lock:  # released on the way out, even by an exception
        balances[src] -= amount
        balances[dst] += amount
# ANCHOR_END: main


def shuffle(src, dst):
    for _ in range(10_000):
        transfer(src, dst, 1)


threads = [threading.Thread(target=shuffle, args=pair) for pair in [("a", "b"), ("b", "a")]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"balances {balances}, total {sum(balances.values())}")
