//! A `select!` branch whose pattern can fail to match: `Ok(..) = accept()`
//! silently stops a server accepting after one error; a `match` keeps it up.

// miri: skip calls setrlimit and opens sockets

use std::fs::File;
use std::io;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

/// Lowers this process's soft limit on open files to `soft`.
#[cfg(unix)]
fn lower_open_file_limit(soft: libc::rlim_t) -> io::Result<()> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write this one struct.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    lim.rlim_cur = soft.min(lim.rlim_max);
    // SAFETY: as above.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Windows has no `setrlimit`: there the example stops before it starts.
#[cfg(not(unix))]
fn lower_open_file_limit(_soft: u64) -> io::Result<()> {
    harness::platform::needs(
        harness::platform::UNIX,
        "it lowers its limit on open files with setrlimit, to run out of them",
    )
}

// ANCHOR: pattern
/// Where `accept` reports a failure, so that `main` knows when to give the
/// descriptors back.
type Failed = UnboundedSender<()>;

/// `accept`, and a word to `main` when it fails.
async fn accept(listener: &TcpListener, failed: &Failed) -> io::Result<TcpStream> {
    let accepted = listener.accept().await.map(|(stream, _)| stream);
    if accepted.is_err() {
        _ = failed.send(());
    }
    accepted
}

/// Echoes one byte.
async fn echo(mut stream: TcpStream) {
    let mut byte = [0u8; 1];
    if stream.read_exact(&mut byte).await.is_ok() {
        _ = stream.write_all(&byte).await;
    }
}

async fn pattern_server(listener: TcpListener, stop: CancellationToken, failed: Failed) {
    loop {
        tokio::select! {
            _ = stop.cancelled() => break,
            // An `Err` does not match: the branch is off until `select!` returns.
            Ok(stream) = accept(&listener, &failed) => {
                tokio::spawn(echo(stream));
            }
        }
    }
}
// ANCHOR_END: pattern

// ANCHOR: matched
async fn match_server(listener: TcpListener, stop: CancellationToken, failed: Failed) {
    loop {
        tokio::select! {
            _ = stop.cancelled() => break,
            accepted = accept(&listener, &failed) => match accepted {
                Ok(stream) => {
                    tokio::spawn(echo(stream));
                }
                Err(e) => {
                    println!("match server: accept failed: {e}");
                    sleep(Duration::from_millis(100)).await; // let descriptors free up
                }
            },
        }
    }
}
// ANCHOR_END: matched

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    lower_open_file_limit(64)?;
    for name in ["pattern", "match"] {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let stop = CancellationToken::new();
        let (failed_tx, mut failed) = unbounded_channel();
        let server = match name {
            "pattern" => tokio::spawn(pattern_server(listener, stop.clone(), failed_tx)),
            _ => tokio::spawn(match_server(listener, stop.clone(), failed_tx)),
        };
        let mut hog = Vec::new(); // take every free descriptor...
        while let Ok(file) = File::open("/dev/null") {
            hog.push(file);
        }
        hog.pop(); // ...but one, for the client's socket
        let mut client = TcpStream::connect(addr).await?; // waits in the backlog
        failed.recv().await; // the server's accept failed: EMFILE
        drop(hog); // the descriptors are free again
        client.write_all(b"x").await?;
        let reply = timeout(Duration::from_secs(1), client.read_exact(&mut [0u8; 1])).await;
        let served = matches!(reply, Ok(Ok(_)));
        println!("{name} server: client served after the error: {served}");
        assert_eq!(served, name == "match");
        stop.cancel();
        server.await?;
    }
    Ok(())
}
