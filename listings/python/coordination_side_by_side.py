"""asyncio.Lock is fair: waiters get it in the order they asked."""
# output: invariant \[0, 1, 2, 3, 4\]
# ANCHOR: main
import asyncio


async def worker(lock, log, n):
    async with lock:  # fair: waiters get the lock in FIFO order
        await asyncio.sleep(0.01)  # "IO" while holding it
        log.append(n)


async def main():
    lock, log = asyncio.Lock(), []
    await asyncio.gather(*(worker(lock, log, n) for n in range(5)))
    print(log)


asyncio.run(main())
# ANCHOR_END: main
