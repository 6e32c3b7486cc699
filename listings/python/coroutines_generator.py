"""A generator is a coroutine: next() and send() resume it, yield suspends it."""
# output: invariant 3
# ANCHOR: main
def running_total():
    total = 0
    while True:
        step = yield total  # suspend; resume with the value sent in
        total += step


gen = running_total()
print(next(gen))  # runs to the first yield
print(gen.send(1))
print(gen.send(2))
# ANCHOR_END: main
