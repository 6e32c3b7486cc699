"""Side by side: a coroutine that never awaits starves every other task on its loop."""
# output: invariant neighbour ticks while spinning: 0
# ANCHOR: main
import asyncio
import time


async def neighbour(ticks):
    while True:
        await asyncio.sleep(0.01)  # wants to run every 10 ms
        ticks.append(time.monotonic())


async def main():
    ticks = []
    task = asyncio.create_task(neighbour(ticks))
    await asyncio.sleep(0.03)  # let the neighbour get going
    before = len(ticks)
    end = time.monotonic() + 0.1
    while time.monotonic() < end:
        pass  # CPU work that never awaits: the loop cannot switch
    print("neighbour ticks while spinning:", len(ticks) - before)
    assert len(ticks) == before
    task.cancel()


asyncio.run(main())
# ANCHOR_END: main
