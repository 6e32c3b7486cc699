"""asyncio switches only at an await, but an update that spans an await races."""
# output: invariant without a lock: 1
# output: invariant with a lock: 100
# ANCHOR: race
import asyncio

balance = 0


async def deposit(amount):
    global balance
    current = balance
    await asyncio.sleep(0)  # a database call, say: other tasks run here
    balance = current + amount
# ANCHOR_END: race


# ANCHOR: lock
async def deposit_locked(lock, amount):
    global balance
    async with lock:  # no other depositor between the read and the write
        current = balance
        await asyncio.sleep(0)
        balance = current + amount
# ANCHOR_END: lock


# ANCHOR: main
async def main():
    global balance
    await asyncio.gather(*(deposit(1) for _ in range(100)))
    print("without a lock:", balance)
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit_locked(lock, 1) for _ in range(100)))
    print("with a lock:", balance)


asyncio.run(main())
# ANCHOR_END: main
