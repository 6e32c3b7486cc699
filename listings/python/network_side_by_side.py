"""An asyncio echo server in the shape of the streams documentation, and a client."""
# output: invariant client got b'hello\\n'
# output: invariant client got b'world\\n'
# ANCHOR: main
import asyncio


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()  # backpressure: wait if the buffer is full
    writer.close()
    await writer.wait_closed()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for line in (b"hello\n", b"world\n"):
        writer.write(line)
        await writer.drain()
        print("client got", await reader.readline())
    writer.close()
    await writer.wait_closed()


async def main():
    handlers = []  # so that main can wait for the connection's handler

    def connected(reader, writer):
        handlers.append(asyncio.create_task(handle(reader, writer)))

    server = await asyncio.start_server(connected, "127.0.0.1", 0)
    async with server:
        await client(server.sockets[0].getsockname()[1])
        await asyncio.gather(*handlers)


asyncio.run(main())
# ANCHOR_END: main
