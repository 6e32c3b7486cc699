//! Backpressure over TCP: a writer whose reader does not read is suspended
//! once the kernel's socket buffers are full, and resumes when it reads.

// How much the kernel buffers depends on the machine and its settings.
// output: mask \d+ KiB
// miri: skip opens TCP sockets

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

const CHUNK: usize = 64 * 1024;
const TOTAL: usize = 32 * 1024 * 1024; // far more than any socket buffer

// ANCHOR: main
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let mut writer = TcpStream::connect(listener.local_addr()?).await?;
    let (mut reader, _) = listener.accept().await?; // it does not read yet

    // Write until a write_all has not finished after 200 ms.
    let chunk = vec![7u8; CHUNK];
    let mut sent = 0;
    while sent < TOTAL {
        match timeout(Duration::from_millis(200), writer.write_all(&chunk)).await {
            Ok(written) => {
                written?;
                sent += CHUNK;
            }
            Err(_elapsed) => break, // suspended: the buffers are full
        }
    }
    assert!(sent < TOTAL, "the writer must have stalled");
    println!(
        "writer suspended after {} KiB: the buffers are full",
        sent / 1024
    );
    // (A write_all cancelled by the timeout may have sent part of its chunk:
    // the reader below counts what really arrived.)

    // Now read everything, while the writer sends what is left.
    let rest = TOTAL - sent;
    let write_rest = async {
        writer.write_all(&vec![7u8; rest]).await?;
        writer.shutdown().await // end of stream for the reader
    };
    let read_all = async {
        let mut got = 0;
        let mut buf = vec![0; CHUNK];
        loop {
            match reader.read(&mut buf).await? {
                0 => return std::io::Result::Ok(got),
                n => got += n,
            }
        }
    };
    let (written, received) = timeout(Duration::from_secs(20), async {
        tokio::join!(write_rest, read_all)
    })
    .await?;
    written?;
    let received = received?;
    println!(
        "once the reader read, the writer went on: {} MiB received",
        received >> 20
    );
    assert!((TOTAL..TOTAL + CHUNK).contains(&received));
    Ok(())
}
// ANCHOR_END: main
