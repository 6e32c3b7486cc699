"""A thread's result, or its exception, through concurrent.futures."""
# output: invariant 1024
# ANCHOR: main
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor() as pool:
    future = pool.submit(pow, 2, 10)
    print(future.result())
    failing = pool.submit(int, "ten")
    try:
        failing.result()
    except ValueError as error:
        print("re-raised:", error)
# ANCHOR_END: main
