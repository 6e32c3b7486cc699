//! Thread-per-connection against async tasks, at the same load: N connections
//! open at once, each doing M round trips to an echo server in this process.

// Times and memory depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: opens thousands of TCP sockets and threads

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};
use std::{fs, process, thread};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const MAX_THREADS: usize = 4_000; // two per connection: client and server

fn usage(problem: &str) -> ! {
    eprintln!("error: {problem}\nusage: network_threads_vs_async [--quick]");
    process::exit(2);
}

/// Resident memory of this process in KiB, from /proc/self/status.
fn rss_kib() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmRSS:"));
    line.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Raises the soft limit on open files to the hard limit; returns it.
fn raise_fd_limit() -> u64 {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `lim` is valid for both calls; failures leave the limit as it was.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 {
            let raised = libc::rlimit {
                rlim_cur: lim.rlim_max,
                ..lim
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                lim = raised;
            }
        }
    }
    lim.rlim_cur
}

// ANCHOR: threads
/// N client threads and N server threads; returns (seconds, KiB added).
fn with_threads(n: usize, m: usize) -> std::io::Result<(f64, u64)> {
    let (listener, before, start) = (TcpListener::bind("127.0.0.1:0")?, rss_kib(), Instant::now());
    let addr = listener.local_addr()?;
    let peak = thread::scope(|s| -> std::io::Result<u64> {
        let mut handles = Vec::new();
        for _ in 0..n {
            let mut c = TcpStream::connect(addr)?; // the kernel queues it; accept below
            let (mut srv, _) = listener.accept()?;
            for stream in [&srv, &c] {
                stream.set_read_timeout(Some(Duration::from_secs(10)))?;
            }
            // Builder::spawn_scoped returns an error instead of panicking
            // when the system refuses another thread.
            let server = thread::Builder::new().spawn_scoped(s, move || echo_blocking(&mut srv, m));
            handles.push(server?);
            let client = thread::Builder::new().spawn_scoped(s, move || ping_blocking(&mut c, m));
            handles.push(client?);
        }
        let rss = rss_kib(); // every thread exists now
        for h in handles {
            h.join()
                .map_err(|_| std::io::Error::other("a thread panicked"))??;
        }
        Ok(rss)
    })?;
    Ok((start.elapsed().as_secs_f64(), peak.saturating_sub(before)))
}
// ANCHOR_END: threads

fn echo_blocking(s: &mut TcpStream, m: usize) -> std::io::Result<()> {
    let mut buf = [0; 8];
    for _ in 0..m {
        s.read_exact(&mut buf)?;
        s.write_all(&buf)?;
    }
    Ok(())
}

fn ping_blocking(s: &mut TcpStream, m: usize) -> std::io::Result<()> {
    let mut buf = [0; 8];
    for i in 0..m as u64 {
        s.write_all(&i.to_le_bytes())?;
        s.read_exact(&mut buf)?;
        assert_eq!(u64::from_le_bytes(buf), i);
    }
    Ok(())
}

// ANCHOR: tasks
/// The same with 2N tokio tasks on a multi-threaded runtime.
fn with_tasks(n: usize, m: usize) -> std::io::Result<(f64, u64)> {
    let rt = tokio::runtime::Runtime::new()?;
    let (before, start) = (rss_kib(), Instant::now());
    let peak = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..n {
            let mut c = tokio::net::TcpStream::connect(addr).await?;
            let (mut srv, _) = listener.accept().await?;
            tasks.spawn(async move {
                let mut buf = [0; 8];
                for _ in 0..m {
                    srv.read_exact(&mut buf).await?;
                    srv.write_all(&buf).await?;
                }
                std::io::Result::Ok(())
            });
            tasks.spawn(async move {
                let mut buf = [0; 8];
                for i in 0..m as u64 {
                    c.write_all(&i.to_le_bytes()).await?;
                    c.read_exact(&mut buf).await?;
                    assert_eq!(u64::from_le_bytes(buf), i);
                }
                std::io::Result::Ok(())
            });
        }
        let rss = rss_kib(); // every task exists now
        let all = tokio::time::timeout(Duration::from_secs(60), tasks.join_all()).await?;
        all.into_iter().collect::<std::io::Result<()>>()?;
        std::io::Result::Ok(rss)
    })?;
    Ok((start.elapsed().as_secs_f64(), peak.saturating_sub(before)))
}
// ANCHOR_END: tasks

// ANCHOR: main
fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => usage(&format!("unknown argument {other:?}")),
    };
    let (wanted, m) = if quick {
        (100, 10)
    } else {
        (MAX_THREADS / 2, 100)
    };
    let fds = raise_fd_limit(); // two descriptors per connection, 100 spare
    let n = wanted.min((fds.saturating_sub(100) / 2) as usize).max(1);
    if n < wanted {
        println!("only {n} connections: the limit on open files is {fds}");
    }
    println!("{n} connections at once, {m} round trips each, client and server in this process");
    let run = |what: &str, f: fn(usize, usize) -> std::io::Result<(f64, u64)>| {
        let (secs, kib) = f(n, m).unwrap_or_else(|e| {
            eprintln!("error: {what}: {e} (is the thread or file limit too low?)");
            process::exit(1);
        });
        let per_conn = kib as f64 / n as f64;
        println!(
            "  {what:<22} {:>8.1} ms {:>8} KiB  {per_conn:>6.1} KiB/connection",
            secs * 1e3,
            kib
        );
        (secs, per_conn)
    };
    let (t_secs, t_mem) = run("thread per connection", with_threads);
    let (a_secs, a_mem) = run("async tasks", with_tasks);
    println!(
        "threads took {:.1} times as long as tasks",
        t_secs / a_secs.max(1e-9)
    );
    println!(
        "threads used {:.1} times as much memory",
        t_mem / a_mem.max(0.1)
    );
}
// ANCHOR_END: main
