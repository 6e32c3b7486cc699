"""Five asyncio tasks started at once, then awaited in order for their results."""
# The results carry the point, and they are the same on every Python.
# output: invariant squares \[0, 1, 4, 9, 16\]
# ANCHOR: main
import asyncio


async def square(n: int) -> int:
    await asyncio.sleep(0.01)  # waits; the loop runs the other tasks meanwhile
    return n * n


async def main() -> None:
    tasks = [asyncio.create_task(square(n)) for n in range(5)]  # all start now
    results = [await task for task in tasks]
    print("squares", results)
    assert results == [0, 1, 4, 9, 16]


asyncio.run(main())
# ANCHOR_END: main
