"""Calling an async function runs none of it; Python warns only at run time."""
# Python names the file by its absolute path, which depends on the checkout.
# output: mask (?:/[^/\s]+)*/listings/python/
# output: invariant saved order 43
# output: invariant .*RuntimeWarning: coroutine 'save' was never awaited
# ANCHOR: main
import asyncio


async def save(record):
    print("saved", record)


async def main():
    save("order 42")  # creates a coroutine object; nothing is saved
    await save("order 43")  # runs it


asyncio.run(main())
# ANCHOR_END: main
