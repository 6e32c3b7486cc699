"""Side by side: a check, then an act, each under the lock, and the account is overdrawn."""
# The barrier forces the unlucky interleaving, so the balance is the same on any Python.
# output: invariant balance -60
# ANCHOR: main
import threading

balance = 100
lock = threading.Lock()
both_checked = threading.Barrier(2)


def withdraw(amount):
    global balance
    with lock:
        enough = balance >= amount  # check
    both_checked.wait()  # let the other thread check too
    if enough:
        with lock:
            balance -= amount  # act, on an answer about the past


threads = [threading.Thread(target=withdraw, args=(80,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"balance {balance}")
assert balance == -60
# ANCHOR_END: main
