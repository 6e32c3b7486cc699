//! A `BufWriter` keeps small writes in memory until it is flushed: the peer
//! waits for a line that was never sent.

// miri: skip opens TCP sockets

use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, BufWriter};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

// ANCHOR: main
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let client = TcpStream::connect(listener.local_addr()?).await?;
    let (server, _) = listener.accept().await?;
    let mut to_server = BufWriter::new(client);
    let mut from_client = BufReader::new(server).lines();

    // Mistake: the line sits in the BufWriter's 8 KiB buffer.
    to_server.write_all(b"hello\n").await?;
    let waited = timeout(Duration::from_millis(300), from_client.next_line()).await;
    println!(
        "without flush: server got a line within 300 ms: {}",
        waited.is_ok()
    );
    assert!(waited.is_err());

    // Fix: flush (or write enough to fill the buffer, or shut down).
    to_server.flush().await?;
    let line = timeout(Duration::from_secs(5), from_client.next_line()).await??;
    println!("after flush:   server got {line:?}");
    assert_eq!(line.as_deref(), Some("hello"));
    Ok(())
}
// ANCHOR_END: main
