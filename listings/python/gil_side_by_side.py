"""Side by side: the chapter's CPU-bound job, Collatz steps up to 1000, on two threads."""
# output: invariant thread sums \[32899, 26643\], total 59542
import threading


# ANCHOR: main
def collatz_steps(first, limit, stride):
    total = 0
    for start in range(first, limit + 1, stride):
        n = start
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total


sums = [0, 0]  # each thread writes only its own slot


def work(k):
    sums[k] = collatz_steps(k + 1, 1000, 2)  # thread k: every 2nd number


threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"thread sums {sums}, total {sum(sums)}")
assert sum(sums) == collatz_steps(1, 1000, 1)
# ANCHOR_END: main
