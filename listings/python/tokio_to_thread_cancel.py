"""A blocking call moved off the loop's thread, and a task cancelled."""
# output: invariant cancelled 7
# ANCHOR: main
import asyncio
import time


def blocking_call() -> int:
    time.sleep(0.2)
    return 7


async def sleeper() -> None:
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        await asyncio.sleep(0)  # the task's own code runs on, and may await
        print("task: caught CancelledError, cleaned up")
        raise


async def main() -> None:
    value = await asyncio.to_thread(blocking_call)  # not on the loop's thread
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)  # let the task reach its await
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", value)


asyncio.run(main())
# ANCHOR_END: main
