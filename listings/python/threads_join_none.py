"""An exception in a plain Thread is printed, and join() cannot tell."""
# The traceback names files by absolute paths, which depend on the checkout
# and on where the interpreter is installed.
# output: mask (?:/[^/\s]+)*/listings/python/
# output: mask (?:/[^/\s]+)*/lib/python3\.\d+/
# output: invariant ValueError: job 7 failed
# output: invariant None
# ANCHOR: main
import threading


def work(n):
    raise ValueError(f"job {n} failed")


t = threading.Thread(target=work, args=(7,))
t.start()
print(t.join())  # join() returns None either way
# ANCHOR_END: main
