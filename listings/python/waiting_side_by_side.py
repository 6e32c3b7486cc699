"""Side by side: a consumer thread waits on a Condition until an item arrives."""
# output: invariant consumer got 42
import threading

# ANCHOR: main
cond = threading.Condition()
items = []


def consumer():
    with cond:
        while not items:  # check, and check again after every wake-up
            cond.wait()  # release the lock, sleep, take the lock back
        print("consumer got", items.pop(0))


waiter = threading.Thread(target=consumer)
waiter.start()
with cond:
    items.append(42)
    cond.notify()
waiter.join()
# ANCHOR_END: main
