"""Four threads add one to a shared counter, a million times each."""
# On CPython 3.10 and later no update is lost (the GIL chapter says why); an
# older or a free-threaded CPython may print less. Elsewhere than on the
# pinned version, the suite checks only that a count is printed.
# output: invariant \d+
# ANCHOR: main
import threading

counter = 0


def work():
    global counter
    for _ in range(1_000_000):
        counter += 1  # load, add, store


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
# ANCHOR_END: main
