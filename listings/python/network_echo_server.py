"""An asyncio echo server in the shape of the streams documentation, and a client."""
# output: invariant client got b'hello\\n'
# output: invariant client got b'world\\n'
# ANCHOR: server
import asyncio


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()  # backpressure: wait if the buffer is full
    writer.close()
    await writer.wait_closed()
# ANCHOR_END: server


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for line in (b"hello\n", b"world\n"):
        writer.write(line)
        await writer.drain()
        print("client got", await reader.readline())
    writer.close()
    await writer.wait_closed()


async def main():
    handlers = []

    async def tracked(reader, writer):  # so that main can wait for each one
        handlers.append(asyncio.current_task())
        await handle(reader, writer)

    server = await asyncio.start_server(tracked, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:  # a real server would `await server.serve_forever()`
        await client(port)
        await asyncio.gather(*handlers)  # the connection's handler has finished


asyncio.run(main())
