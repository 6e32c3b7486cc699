//! An echo server and a client on 127.0.0.1, both tasks of one tokio runtime.

// miri: skip opens TCP sockets

use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

// ANCHOR: server
/// Answers every line a client sends with the same line, until it hangs up.
async fn echo(stream: TcpStream) -> std::io::Result<u32> {
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    let mut echoed = 0;
    while let Some(line) = lines.next_line().await? {
        writer.write_all(format!("{line}\n").as_bytes()).await?;
        echoed += 1;
    }
    Ok(echoed) // the client closed its side: end of stream
}
// ANCHOR_END: server

// ANCHOR: main
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?; // port 0: any free port
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move {
        let (stream, _peer) = listener.accept().await?; // one client, then stop
        echo(stream).await
    });

    let stream = TcpStream::connect(addr).await?;
    let (reader, mut writer) = stream.into_split();
    let mut replies = BufReader::new(reader).lines();
    for word in ["hello", "async", "world"] {
        writer.write_all(format!("{word}\n").as_bytes()).await?;
        let reply = timeout(Duration::from_secs(5), replies.next_line()).await??;
        println!("sent {word:?}, got back {reply:?}");
        assert_eq!(reply.as_deref(), Some(word));
    }
    drop(writer); // closes our sending half: the server reads end of stream

    let echoed = timeout(Duration::from_secs(5), server).await???; // time, join, IO
    println!("server echoed {echoed} lines and stopped");
    assert_eq!(echoed, 3);
    Ok(())
}
// ANCHOR_END: main
