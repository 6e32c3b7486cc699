//! An echo server and its client on 127.0.0.1, both tasks of one tokio
//! runtime: the Rust twin of `listings/python/network_side_by_side.py`.

// miri: skip opens TCP sockets

use std::io;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(5); // bound on every wait

// ANCHOR: main
async fn handle(stream: TcpStream) -> io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    while let Some(line) = lines.next_line().await? {
        writer.write_all(format!("{line}\n").as_bytes()).await?;
    }
    Ok(()) // the client closed its side: end of stream
}

async fn client(addr: SocketAddr) -> io::Result<()> {
    let (reader, mut writer) = TcpStream::connect(addr).await?.into_split();
    let mut replies = BufReader::new(reader).lines();
    for word in ["hello", "world"] {
        writer.write_all(format!("{word}\n").as_bytes()).await?;
        let reply = timeout(LIMIT, replies.next_line()).await??;
        println!("client got {reply:?}");
        assert_eq!(reply.as_deref(), Some(word));
    }
    Ok(()) // `writer` is dropped: our sending half closes
}

#[tokio::main]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?; // port 0: any free port
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move {
        let (stream, _peer) = listener.accept().await?; // one client, then stop
        handle(stream).await
    });
    client(addr).await?;
    timeout(LIMIT, server).await???; // the timeout, the task, the server's IO
    Ok(())
}
// ANCHOR_END: main
