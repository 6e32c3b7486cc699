//! Graceful shutdown: on SIGTERM the server stops accepting, lets every
//! connection finish the message it is working on, and waits for them all.

// miri: skip opens TCP sockets and raises a signal through libc

use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

const CLIENTS: usize = 10;

// ANCHOR: conn
/// Serves one connection: each line takes 200 ms of "work" to answer.
/// Shutdown is checked only between messages, never in the middle of one.
async fn serve(stream: TcpStream, stop: CancellationToken, started: mpsc::Sender<()>) {
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    loop {
        let line = tokio::select! {
            _ = stop.cancelled() => break, // idle between messages: stop now
            line = lines.next_line() => match line { Ok(Some(l)) => l, _ => break },
        };
        let _ = started.send(()).await; // tell main: a message is in flight
        sleep(Duration::from_millis(200)).await; // the work: not interrupted
        if writer
            .write_all(format!("done: {line}\n").as_bytes())
            .await
            .is_err()
        {
            break;
        }
    }
    let _ = writer.write_all(b"bye\n").await; // a clean goodbye, then close
}
// ANCHOR_END: conn

// ANCHOR: main
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut sigterm = signal(SignalKind::terminate())?; // install before raising
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let stop = CancellationToken::new();
    let (started_tx, mut started) = mpsc::channel(CLIENTS);
    let stop2 = stop.clone();
    let acceptor = tokio::spawn(async move {
        let mut conns = JoinSet::new(); // every connection task, to wait for
        loop {
            tokio::select! {
                _ = stop2.cancelled() => break, // stop accepting new connections
                Ok((s, _)) = listener.accept() => {
                    conns.spawn(serve(s, stop2.clone(), started_tx.clone()));
                }
            }
        }
        conns.join_all().await.len() // wait until every connection has finished
    });
    let mut clients = Vec::new();
    for i in 0..CLIENTS {
        clients.push(tokio::spawn(async move {
            let mut s = BufReader::new(TcpStream::connect(addr).await?);
            s.write_all(format!("message {i}\n").as_bytes()).await?;
            let mut replies = Vec::new();
            while s.read_line(&mut String::new()).await? > 0 {
                replies.push(());
            }
            std::io::Result::Ok(replies.len()) // "done: ..." and "bye"
        }));
    }
    for _ in 0..CLIENTS {
        started.recv().await; // every client now has a message in flight
    }
    // SAFETY: raise only sends a signal to this process; tokio handles it.
    unsafe { libc::raise(libc::SIGTERM) };
    timeout(Duration::from_secs(5), sigterm.recv()).await?;
    println!("SIGTERM received with {CLIENTS} messages in flight");
    stop.cancel(); // tell the acceptor and every connection
    let drained = timeout(Duration::from_secs(5), acceptor).await??;
    println!("connections drained before exit: {drained}");
    let mut answered = 0;
    for c in clients {
        answered += usize::from(timeout(Duration::from_secs(5), c).await??? == 2);
    }
    println!("clients whose message was answered before bye: {answered} of {CLIENTS}");
    assert_eq!(answered, CLIENTS);
    Ok(())
}
// ANCHOR_END: main
