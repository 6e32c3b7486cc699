"""gather: three waits at once; results in the order given, not the order finished."""
# The results and the order of finishing are the point, and hold on every Python.
# output: invariant results \['a', 'b', 'c'\] finished \['b', 'c', 'a'\]
# ANCHOR: main
import asyncio

finished = []


async def fetch(name: str, delay: float) -> str:
    await asyncio.sleep(delay)  # a network call, say
    finished.append(name)
    return name


async def main() -> None:
    results = await asyncio.gather(fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2))
    print("results", results, "finished", finished)
    assert results == ["a", "b", "c"] and finished == ["b", "c", "a"]


asyncio.run(main())
# ANCHOR_END: main
