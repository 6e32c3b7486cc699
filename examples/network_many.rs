//! Thousands of connections open at once, from one process and one thread.

// miri: skip opens thousands of TCP sockets and calls setrlimit through libc

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Barrier, Semaphore};
use tokio::time::timeout;

const WANTED: usize = 3_000;
/// Connects in flight at once: fewer than the listen backlog (128 on Linux).
const CONNECTING: usize = 100;

#[cfg(target_os = "linux")]
// ANCHOR: rlimit
/// Raises the soft limit on open file descriptors to the hard limit and
/// returns the new soft limit.
fn raise_fd_limit() -> std::io::Result<u64> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `lim` is a valid, writable rlimit for the call to fill in.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    lim.rlim_cur = lim.rlim_max; // an unprivileged process may go up to the hard limit
    // SAFETY: `lim` is a valid rlimit; the kernel only reads it.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(lim.rlim_cur)
}
// ANCHOR_END: rlimit

/// Elsewhere the example stops before it starts: Windows has no `setrlimit`,
/// and macOS refuses a soft limit of "unlimited", its usual hard limit.
#[cfg(not(target_os = "linux"))]
fn raise_fd_limit() -> std::io::Result<u64> {
    harness::platform::needs(
        harness::platform::LINUX,
        "it sets its limit on open files to the hard limit, which macOS refuses while that is unlimited",
    )
}

#[tokio::main(flavor = "current_thread")] // one thread does all of it
async fn main() -> std::io::Result<()> {
    let limit = raise_fd_limit()?;
    // Each connection takes two descriptors here (client and server end);
    // keep 100 spare for the runtime, stdio and the listener.
    let n = WANTED.min((limit.saturating_sub(100) / 2) as usize);
    if n < WANTED {
        println!("the hard limit ({limit}) allows only {n} connections");
    }
    // ANCHOR: main
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let open = Arc::new(AtomicUsize::new(0));
    let (open2, all_open) = (Arc::clone(&open), Arc::new(Barrier::new(n)));
    let server = tokio::spawn(async move {
        for _ in 0..n {
            let (mut s, _) = listener.accept().await?;
            open2.fetch_add(1, Relaxed);
            tokio::spawn(async move {
                let mut buf = [0; 8];
                // `k @ 1..` binds the count read, if it is 1 or more (0: hung up)
                while let Ok(k @ 1..) = s.read(&mut buf).await {
                    let _ = s.write_all(&buf[..k]).await; // echo until the client hangs up
                }
            });
        }
        std::io::Result::Ok(())
    });
    let mut clients = tokio::task::JoinSet::new();
    let connecting = Arc::new(Semaphore::new(CONNECTING));
    for i in 0..n as u64 {
        let (all_open, connecting) = (Arc::clone(&all_open), Arc::clone(&connecting));
        clients.spawn(async move {
            let permit = connecting.acquire_owned().await.expect("never closed");
            let mut s = TcpStream::connect(addr).await?;
            s.write_all(&i.to_le_bytes()).await?;
            let mut back = [0; 8];
            s.read_exact(&mut back).await?;
            drop(permit); // connected and answered: let the next one connect
            all_open.wait().await; // hold the connection until all n are open
            std::io::Result::Ok(u64::from_le_bytes(back))
        });
    }
    let sum = timeout(Duration::from_secs(30), async {
        let mut sum = 0;
        while let Some(echoed) = clients.join_next().await {
            sum += echoed??;
        }
        std::io::Result::Ok(sum)
    });
    let sum = sum.await??;
    timeout(Duration::from_secs(5), server).await???;
    // ANCHOR_END: main
    println!("{n} connections were open at once on one thread");
    println!(
        "each echoed its number; the sum is right: {}",
        sum == (0..n as u64).sum()
    );
    assert_eq!(open.load(Relaxed), n);
    assert_eq!(sum, (0..n as u64).sum::<u64>());
    Ok(())
}
