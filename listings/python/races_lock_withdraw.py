"""Check and act under one lock: no two withdrawals can both see enough money."""
# output: invariant 10 withdrawals of 10 succeeded, balance 0
# ANCHOR: withdraw
import threading

balance = 100
lock = threading.Lock()


def withdraw(amount):
    global balance
    with lock:  # check and act under one lock
        if balance < amount:
            return False
        balance -= amount
        return True
# ANCHOR_END: withdraw


results = []


def customer():
    for _ in range(5):
        results.append(withdraw(10))


threads = [threading.Thread(target=customer) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{sum(results)} withdrawals of 10 succeeded, balance {balance}")
