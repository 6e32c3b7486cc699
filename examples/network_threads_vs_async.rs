//! Thread-per-connection against async tasks, at the same load: N connections
//! open at once, each doing M round trips to an echo server in this process.

// Times and memory depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: opens thousands of TCP sockets and threads

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use harness::{Figure, Harness, Unit};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};
use std::{fs, process, thread};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::runtime::Runtime;

const MAX_THREADS: usize = 4_000; // two per connection: client and server

// ANCHOR: rss
/// Resident memory of this process in KiB, from /proc/self/status.
fn rss_kib() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmRSS:"));
    line.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Resident memory before a run. The heap first gives the memory that
/// earlier runs freed back to the OS, or this run would reuse it unseen.
fn rss_before_kib() -> u64 {
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only releases free memory of glibc's heap.
    unsafe {
        libc::malloc_trim(0);
    }
    rss_kib()
}

/// One run of the load: its time, and the resident memory it added.
#[derive(Clone, Copy)]
struct Load {
    took: Duration,
    kib: u64,
}
// ANCHOR_END: rss

/// Raises the soft limit on open files to the hard limit; returns it.
#[cfg(target_os = "linux")]
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
/// N client threads and N server threads.
fn with_threads(n: usize, m: usize) -> std::io::Result<Load> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let (before, start) = (rss_before_kib(), Instant::now());
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
    let kib = peak.saturating_sub(before);
    Ok(Load {
        took: start.elapsed(),
        kib,
    })
}
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
// ANCHOR_END: threads

// ANCHOR: tasks
/// The same with 2N tokio tasks on a multi-threaded runtime.
fn with_tasks(rt: &Runtime, n: usize, m: usize) -> std::io::Result<Load> {
    let (before, start) = (rss_before_kib(), Instant::now());
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
    let kib = peak.saturating_sub(before);
    Ok(Load {
        took: start.elapsed(),
        kib,
    })
}
// ANCHOR_END: tasks

#[cfg(target_os = "linux")]
fn main() {
    let h = Harness::from_args("network_threads_vs_async");
    let (wanted, m) = if h.is_quick() {
        (100, 10)
    } else {
        (MAX_THREADS / 2, 50)
    };
    let fds = raise_fd_limit(); // two descriptors per connection, 100 spare
    let n = wanted.min((fds.saturating_sub(100) / 2) as usize).max(1);
    if n < wanted {
        println!("only {n} connections: the limit on open files is {fds}");
    }
    println!("{n} connections at once, {m} round trips each, client and server in this process");
    let rt = Runtime::new().expect("a runtime");
    let run = |what: &str, load: std::io::Result<Load>| {
        load.unwrap_or_else(|e| {
            eprintln!("error: {what}: {e} (is the thread or file limit too low?)");
            process::exit(1);
        })
    };
    // ANCHOR: main
    // Each sample runs the load both ways. The harness keeps the ratio of
    // the times; the other figures come from the same runs, kept here.
    let mut runs = Vec::new();
    let time_ratio = h.sample("threads / async, time", "×", || {
        let threads = run("threads", with_threads(n, m));
        let tasks = run("async tasks", with_tasks(&rt, n, m));
        runs.push((threads, tasks));
        threads.took.as_secs_f64() / tasks.took.as_secs_f64()
    });
    // ANCHOR_END: main
    runs.remove(0); // the harness's warm-up
    let figure = |label, unit, of: &dyn Fn(Load, Load) -> f64| {
        Figure::new(label, unit, runs.iter().map(|&(t, a)| of(t, a)).collect())
    };
    let per_conn = |load: Load| load.kib as f64 / n as f64;
    let ns = |load: Load| load.took.as_nanos() as f64;
    let kib = Unit::Other("KiB");
    for fig in [
        figure("threads, time", Unit::Time, &|t, _| ns(t)),
        figure("async tasks, time", Unit::Time, &|_, a| ns(a)),
        figure("threads, memory per connection", kib, &|t, _| per_conn(t)),
        figure("async tasks, memory per connection", kib, &|_, a| {
            per_conn(a)
        }),
        time_ratio,
        figure("threads / async, memory", Unit::Other("×"), &|t, a| {
            t.kib as f64 / (a.kib as f64).max(0.1)
        }),
    ] {
        println!("  {fig:34}");
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it reads its resident memory from /proc/self/status",
    )
}
