//! Graceful shutdown: on SIGTERM the server stops accepting, lets every
//! connection finish the message it is working on, and waits for them all.
//! Until then it reaps finished connections and survives a failed `accept`.

// miri: skip opens TCP sockets and raises a signal through libc

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
#[cfg(unix)]
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::task::{JoinError, JoinSet};
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

// ANCHOR: accept
/// Accepts connections until `stop` is cancelled, reaping the ones that end on
/// the way; then waits for the rest. Returns how many ended without a panic.
async fn accept_loop(
    listener: TcpListener,
    stop: CancellationToken,
    started: mpsc::Sender<()>,
) -> usize {
    let mut conns = JoinSet::new(); // every connection task, to wait for
    let mut ended = 0;
    loop {
        tokio::select! {
            _ = stop.cancelled() => break, // stop accepting new connections
            accepted = listener.accept() => match accepted {
                Ok((s, _)) => _ = conns.spawn(serve(s, stop.clone(), started.clone())),
                Err(e) => {
                    // Out of descriptors (EMFILE) and the like: log it,
                    // give connections time to close, keep accepting.
                    eprintln!("accept failed: {e}");
                    sleep(Duration::from_millis(100)).await;
                }
            },
            // Reap a finished connection. An empty set returns `None`, which
            // does not match: the branch is off until the loop comes round.
            Some(done) = conns.join_next() => ended += reaped(done),
        }
    }
    while let Some(done) = conns.join_next().await {
        ended += reaped(done); // wait until every connection has ended
    }
    ended
}

/// Counts a connection task that ended; logs one that panicked or was aborted.
fn reaped(done: Result<(), JoinError>) -> usize {
    match done {
        Ok(()) => 1,
        Err(e) => {
            eprintln!("connection task failed: {e}");
            0
        }
    }
}
// ANCHOR_END: accept

#[cfg(unix)]
// ANCHOR: main
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut sigterm = signal(SignalKind::terminate())?; // install before raising
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let stop = CancellationToken::new();
    let (started_tx, mut started) = mpsc::channel(CLIENTS); // demo only
    let acceptor = tokio::spawn(accept_loop(listener, stop.clone(), started_tx));
    let mut clients = Vec::new();
    for i in 0..CLIENTS {
        clients.push(tokio::spawn(async move {
            let mut s = BufReader::new(TcpStream::connect(addr).await?);
            s.write_all(format!("message {i}\n").as_bytes()).await?;
            let mut lines = 0;
            while s.read_line(&mut String::new()).await? > 0 {
                lines += 1;
            }
            std::io::Result::Ok(lines) // "done: ..." and "bye"
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
    let ended = timeout(Duration::from_secs(5), acceptor).await??;
    println!("connections that ended cleanly before exit: {ended}");
    let mut answered = 0;
    for c in clients {
        if timeout(Duration::from_secs(5), c).await??? == 2 {
            answered += 1;
        }
    }
    println!("clients whose message was answered before bye: {answered} of {CLIENTS}");
    assert_eq!((ended, answered), (CLIENTS, CLIENTS));
    Ok(())
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it shuts down on SIGTERM, a Unix signal",
    )
}
