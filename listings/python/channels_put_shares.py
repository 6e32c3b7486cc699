"""q.put() hands over a reference: the producer can still change the batch."""
# output: invariant the consumer got \[1, 2, 3, 4\]
# ANCHOR: main
import queue

q = queue.Queue()
batch = [1, 2, 3]
q.put(batch)
batch.append(4)  # the consumer may not have taken it yet
print("the consumer got", q.get())
# ANCHOR_END: main
