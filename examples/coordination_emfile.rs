//! Run out of file descriptors on purpose, under a lowered limit, then do the
//! same 100 jobs through a `Semaphore` that caps how many run at once.

// How many connections fit under the limit depends on how many descriptors
// the process already has open (the runtime's, the test harness's).
// output: mask opened \d+
// miri: skip calls setrlimit and opens sockets

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{sleep, timeout};

const JOBS: usize = 100;
const CAP: usize = 8;
const LIMIT: Duration = Duration::from_secs(2); // bound on every socket operation

type LastError = Arc<Mutex<Option<io::Error>>>;

#[cfg(unix)]
// ANCHOR: limit
/// Lowers this process's soft limit on open files to `soft` (children inherit it).
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
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}
// ANCHOR_END: limit

/// Windows has no `setrlimit`: there the example stops before it starts.
#[cfg(not(unix))]
fn lower_open_file_limit(_soft: u64) -> io::Result<()> {
    harness::platform::needs(
        harness::platform::UNIX,
        "it lowers its limit on open files with setrlimit, to run out of them",
    )
}

// ANCHOR: serve
/// An echo server on 127.0.0.1: each connection gets its one byte back and is
/// kept open until the client closes it. Accept errors are kept in `last_error`.
async fn serve(listener: TcpListener, last_error: LastError) {
    loop {
        match listener.accept().await {
            Ok((mut conn, _)) => {
                _ = tokio::spawn(async move {
                    let mut byte = [0u8; 1];
                    if conn.read_exact(&mut byte).await.is_ok()
                        && conn.write_all(&byte).await.is_ok()
                    {
                        _ = conn.read(&mut byte).await; // returns 0 when the client closes
                    }
                })
            }
            Err(e) => {
                *last_error.lock().unwrap() = Some(e);
                sleep(Duration::from_millis(10)).await; // the connection waits in the backlog
            }
        }
    }
}
// ANCHOR_END: serve

// ANCHOR: job
/// One job: connect, send a byte, get it back. The connection stays open
/// for as long as the caller keeps the stream.
async fn job(addr: std::net::SocketAddr, server: &LastError) -> io::Result<TcpStream> {
    let attempt = async {
        let mut conn = TcpStream::connect(addr).await?;
        conn.write_all(b"x").await?;
        conn.read_exact(&mut [0u8; 1]).await?;
        Ok(conn)
    };
    match timeout(LIMIT, attempt).await {
        Ok(result) => result,
        // The server could not accept: report the error it got.
        Err(_) => Err(server
            .lock()
            .unwrap()
            .take()
            .unwrap_or(io::ErrorKind::TimedOut.into())),
    }
}
// ANCHOR_END: job

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    lower_open_file_limit(64)?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server_error = LastError::default();
    let server = tokio::spawn(serve(listener, Arc::clone(&server_error)));

    // ANCHOR: uncapped
    let mut open = Vec::new(); // all 100 jobs at once: every connection stays open
    let mut failure = None;
    for _ in 0..JOBS {
        match job(addr, &server_error).await {
            Ok(conn) => open.push(conn),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    let failure = failure.expect("100 connections fit under a limit of 64 files?");
    println!(
        "uncapped: opened {} of {JOBS} connections, then: {failure}",
        open.len()
    );
    assert_eq!(failure.raw_os_error(), Some(libc::EMFILE));
    drop(open); // close every connection; the server's handlers see EOF and close theirs
    // ANCHOR_END: uncapped
    sleep(Duration::from_millis(100)).await; // let the server close its side
    *server_error.lock().unwrap() = None;

    // ANCHOR: capped
    let permits = Arc::new(Semaphore::new(CAP));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..JOBS {
        let (permits, server_error) = (Arc::clone(&permits), Arc::clone(&server_error));
        tasks.spawn(async move {
            let _permit = permits.acquire().await.unwrap(); // at most CAP past this line
            let conn = job(addr, &server_error).await?;
            sleep(Duration::from_millis(1)).await; // the job's work, connection open
            drop(conn);
            io::Result::Ok(())
        });
    }
    let ok = tasks
        .join_all()
        .await
        .into_iter()
        .filter(Result::is_ok)
        .count();
    println!("capped at {CAP}: {ok} of {JOBS} jobs succeeded");
    assert_eq!(ok, JOBS);
    // ANCHOR_END: capped
    server.abort();
    Ok(())
}
