"""A Condition: wait in a loop until the state you need holds."""
# output: invariant consumer got 42
import threading

# ANCHOR: main
cond = threading.Condition()
items = []


def consumer():
    with cond:
        while not items:
            cond.wait()
        return items.pop(0)


def producer(x):
    with cond:
        items.append(x)
        cond.notify()
# ANCHOR_END: main


def consume_and_print():
    print("consumer got", consumer())


waiter = threading.Thread(target=consume_and_print)
waiter.start()
producer(42)
waiter.join()
