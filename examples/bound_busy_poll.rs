//! Two ways to wait 50 ms for a reply on a socket. Polling a non-blocking
//! socket in a loop burns a core; a blocking read (with a timeout) does not.

// Times depend on the machine; so do the ratios and the number of polls.
// output: mask-durations
// output: mask \d+\.\d+
// output: mask \d+ times
// miri: skip opens TCP sockets, which Miri's isolation forbids

use std::io::{self, ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

const REPLY_AFTER: Duration = Duration::from_millis(50);
const LIMIT: Duration = Duration::from_secs(5);

/// CPU time of the calling thread only (Linux): user plus system time.
#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut usage) },
        0
    );
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Only Linux has `RUSAGE_THREAD`: elsewhere the example stops at its first reading.
#[cfg(not(target_os = "linux"))]
fn thread_cpu_time() -> Duration {
    harness::platform::needs(
        harness::platform::LINUX,
        "it measures one thread's CPU time with getrusage(RUSAGE_THREAD)",
    )
}

/// Connects to a local peer that writes one byte after `REPLY_AFTER`, runs
/// `wait` on the connection, and prints what waiting cost this thread.
fn measure(name: &str, wait: impl FnOnce(&mut TcpStream) -> io::Result<u8>) -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let mut conn = TcpStream::connect_timeout(&listener.local_addr()?, LIMIT)?;
    thread::scope(|s| {
        s.spawn(|| -> io::Result<()> {
            let (mut peer, _) = listener.accept()?; // already connected: returns at once
            thread::sleep(REPLY_AFTER);
            peer.write_all(&[42])
        });
        let (wall_start, cpu_start) = (Instant::now(), thread_cpu_time());
        let byte = wait(&mut conn)?;
        let (wall, cpu) = (wall_start.elapsed(), thread_cpu_time() - cpu_start);
        assert_eq!(byte, 42);
        let ratio = cpu.as_secs_f64() / wall.as_secs_f64();
        println!("{name:<14} wall {wall:>8.1?}   CPU {cpu:>8.1?}   CPU/wall {ratio:.2}");
        Ok(())
    })
}

// ANCHOR: main
fn main() -> io::Result<()> {
    measure("busy polling", |conn| {
        conn.set_nonblocking(true)?; // read returns WouldBlock instead of waiting
        let (mut byte, mut empty_reads, start) = ([0], 0, Instant::now());
        loop {
            match conn.read(&mut byte) {
                Ok(1) => break,
                Err(e) if e.kind() == ErrorKind::WouldBlock && start.elapsed() < LIMIT => {
                    empty_reads += 1; // nothing yet: ask again, at once
                }
                Ok(_) => return Err(ErrorKind::UnexpectedEof.into()),
                Err(e) => return Err(e),
            }
        }
        println!("the polling read found nothing {empty_reads} times");
        Ok(byte[0])
    })?;
    measure("blocking read", |conn| {
        conn.set_read_timeout(Some(LIMIT))?; // sleeps in the kernel until data comes
        let mut byte = [0];
        conn.read_exact(&mut byte)?;
        Ok(byte[0])
    })
}
// ANCHOR_END: main
