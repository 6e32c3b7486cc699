"""Side by side: an async function runs nothing when called, and asyncio.run drives it."""
# The total is the chapter's point, on any Python.
# output: invariant awaited: total 6
# ANCHOR: main
import asyncio


async def add_up(values):
    total = 0
    for value in values:
        await asyncio.sleep(0)  # a suspension point: the loop may run others here
        total += value
        print(f"  added {value}, total {total}")
    return total


async def main():
    coroutine = add_up([1, 2, 3])  # creates a coroutine object; runs nothing
    print("called add_up: nothing ran yet")
    total = await coroutine
    print(f"awaited: total {total}")
    assert total == 6


asyncio.run(main())  # the event loop that drives the coroutines
# ANCHOR_END: main
