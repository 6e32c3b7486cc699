"""An asyncio front for the waiting, a process pool behind it for the computing."""
# output: invariant \[168, 303, 430, 550, 669, 783, 900, 1007\]
# ANCHOR: main
import asyncio
from concurrent.futures import ProcessPoolExecutor


def count_primes(n: int) -> int:
    return sum(all(k % d for d in range(2, int(k**0.5) + 1)) for k in range(2, n))


async def handle(pool: ProcessPoolExecutor, n: int) -> int:
    await asyncio.sleep(0.005)  # the network
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, count_primes, n)


async def main() -> None:
    with ProcessPoolExecutor() as pool:
        answers = await asyncio.gather(*(handle(pool, 1_000 * r) for r in range(1, 9)))
    print(answers)


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
