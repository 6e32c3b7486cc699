"""gather with return_exceptions, a TaskGroup, and asyncio.timeout."""
# output: invariant \['a', ValueError\('b'\)\]
# output: invariant TaskGroup: \(ValueError\('b'\),\)
# output: invariant timed out
# ANCHOR: main
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    if name == "b":
        raise ValueError(name)
    return name


async def gather_demo():
    print(await asyncio.gather(fetch("a", 0.1), fetch("b", 0.05),
                               return_exceptions=True))


async def task_group_demo():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("a", 0.1))
            tg.create_task(fetch("b", 0.05))
    except* ValueError as group:
        print("TaskGroup:", group.exceptions)


async def timeout_demo():
    try:
        async with asyncio.timeout(0.01):
            await fetch("c", 1)
    except TimeoutError:
        print("timed out")


for demo in (gather_demo, task_group_demo, timeout_demo):
    asyncio.run(demo())  # each in a main task of its own
# ANCHOR_END: main
