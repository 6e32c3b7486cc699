"""Side by side: a producer thread puts messages into a Queue, main takes them out."""
# output: invariant main: received \['stage parse', 'stage transform', 'stage sum'\]
import queue
import threading

# ANCHOR: main
q = queue.Queue()


def producer():
    for word in ["parse", "transform", "sum"]:
        q.put(f"stage {word}")
    q.put(None)  # a sentinel: "no more messages"
    print("producer: done, sent the sentinel")


t = threading.Thread(target=producer)
t.start()
received = []
while (message := q.get()) is not None:  # stop at the sentinel
    received.append(message)
t.join()
print("main: received", received)
assert len(received) == 3
# ANCHOR_END: main
