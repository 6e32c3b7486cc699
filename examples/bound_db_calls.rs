//! Ten slow "database calls" to a local server: one after another, then on
//! ten threads. Wall time falls tenfold; CPU time stays tiny either way.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The tests use a shorter delay (the harness masks its figures itself).
// output: mask after \d+ ms
// output: test-args --quick
// miri: skip opens TCP sockets, which Miri's isolation forbids

use harness::Harness;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

const CALLS: u32 = 10;
const LIMIT: Duration = Duration::from_secs(5); // bound on every socket operation

#[cfg(unix)]
fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Windows has no getrusage: there the example stops at its first reading.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    harness::platform::needs(
        harness::platform::UNIX,
        "it measures the process's CPU time with getrusage",
    )
}

// ANCHOR: server
/// A fake database on 127.0.0.1: every request is answered after `delay`.
/// Dropping it stops the accept loop and joins every thread it started.
struct SlowServer {
    addr: SocketAddr,
    state: Arc<State>,
    accept_loop: Option<JoinHandle<()>>,
}

/// Every access is `Relaxed`: no field publishes other data, and what orders
/// a change before the read that needs it is a socket, as a channel would. A
/// thread that receives a connection or a line sees what its sender wrote
/// before sending it; no ordering on the field could stand in for that.
#[derive(Default)]
struct State {
    stop: AtomicBool,
    busy: AtomicUsize, // queries running right now
    peak: AtomicUsize, // the most there have been at once
}

impl SlowServer {
    fn start(delay: Duration) -> io::Result<SlowServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?; // port 0: the OS picks one
        let addr = listener.local_addr()?;
        let state = Arc::new(State::default());
        let shared = Arc::clone(&state);
        let accept_loop = thread::spawn(move || {
            let mut handlers = Vec::new();
            for conn in listener.incoming() {
                if shared.stop.load(Relaxed) {
                    break;
                }
                let (Ok(conn), state) = (conn, Arc::clone(&shared)) else {
                    continue;
                };
                // A failed request only ends its own connection.
                handlers.push(thread::spawn(move || _ = answer(conn, delay, &state)));
            }
            handlers.into_iter().for_each(|h| h.join().unwrap());
        });
        Ok(SlowServer {
            addr,
            state,
            accept_loop: Some(accept_loop),
        })
    }
}

fn answer(conn: TcpStream, delay: Duration, state: &State) -> io::Result<()> {
    conn.set_read_timeout(Some(LIMIT))?;
    conn.set_write_timeout(Some(LIMIT))?;
    let mut request = String::new();
    BufReader::new(&conn).read_line(&mut request)?;
    // Read-modify-writes never lose a count, whatever the ordering.
    let busy = state.busy.fetch_add(1, Relaxed) + 1;
    state.peak.fetch_max(busy, Relaxed);
    thread::sleep(delay); // the "query" takes this long
    state.busy.fetch_sub(1, Relaxed);
    writeln!(&conn, "row {}", request.trim())
}

impl Drop for SlowServer {
    fn drop(&mut self) {
        // Relaxed: the loop reads the flag after accepting the connection
        // below, which is made after this store.
        self.state.stop.store(true, Relaxed);
        // Wake the accept loop with one last connection, then wait for it.
        let woken = TcpStream::connect_timeout(&self.addr, LIMIT).is_ok();
        match self.accept_loop.take() {
            Some(accept_loop) if woken => _ = accept_loop.join(),
            _ => {} // not woken: the loop ends with the process
        }
    }
}
// ANCHOR_END: server

// ANCHOR: call
/// One "database call": connect, send the id, wait for the answer line.
fn call(addr: SocketAddr, id: u32) -> io::Result<String> {
    let conn = TcpStream::connect_timeout(&addr, LIMIT)?;
    conn.set_read_timeout(Some(LIMIT))?; // a read never blocks for ever
    conn.set_write_timeout(Some(LIMIT))?;
    writeln!(&conn, "{id}")?;
    let mut answer = String::new();
    BufReader::new(&conn).read_line(&mut answer)?;
    Ok(answer.trim_end().to_owned())
}
// ANCHOR_END: call

/// What one batch of ten calls took, and the most queries the server ran at once.
struct Batch {
    wall: Duration,
    cpu: Duration,
    peak: usize,
}

/// Runs one batch of `calls` and checks that every answer came back, in order.
fn batch(server: &SlowServer, calls: impl FnOnce() -> Vec<String>) -> Batch {
    server.state.peak.store(0, Relaxed); // before this batch sends a request
    let (wall_start, cpu_start) = (Instant::now(), cpu_time());
    let answers = calls();
    let (wall, cpu) = (wall_start.elapsed(), cpu_time() - cpu_start);
    let expected: Vec<String> = (0..CALLS).map(|id| format!("row {id}")).collect();
    assert_eq!(answers, expected);
    let peak = server.state.peak.load(Relaxed); // after every answer came back
    Batch { wall, cpu, peak }
}

fn main() -> io::Result<()> {
    let h = Harness::from_args("bound_db_calls");
    let delay = Duration::from_millis(if h.is_quick() { 2 } else { 20 });
    let server = SlowServer::start(delay)?; // dropped, and so stopped, on every way out
    let addr = server.addr;
    println!(
        "{CALLS} calls, each answered after {} ms",
        delay.as_millis()
    );
    // ANCHOR: main
    let sequential = || {
        let batch = batch(&server, || {
            (0..CALLS).map(|id| call(addr, id).unwrap()).collect()
        });
        assert_eq!(batch.peak, 1, "one query at a time");
        batch
    };
    let threaded = || {
        batch(&server, || {
            thread::scope(|s| {
                let handles: Vec<_> = (0..CALLS)
                    .map(|id| s.spawn(move || call(addr, id)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap().unwrap())
                    .collect()
            })
        })
    };
    // ANCHOR_END: main
    let over = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    let figures = [
        h.sample_time("sequential, wall time", || sequential().wall),
        h.sample("sequential, CPU / wall", "×", || {
            let b = sequential();
            over(b.cpu, b.wall)
        }),
        h.sample_time("10 threads, wall time", || threaded().wall),
        h.sample("10 threads, CPU / wall", "×", || {
            let b = threaded();
            over(b.cpu, b.wall)
        }),
        h.sample("10 threads, peak queries at once", "", || {
            threaded().peak as f64
        }),
        // The ratios of two batches take both in each sample.
        h.sample("wall time, sequential / threads", "×", || {
            over(sequential().wall, threaded().wall)
        }),
        h.sample("threads' wall time / one delay", "×", || {
            over(threaded().wall, delay)
        }),
        h.sample("CPU time, threads / sequential", "×", || {
            over(threaded().cpu, sequential().cpu)
        }),
    ];
    for figure in figures {
        println!("{figure:34}");
    }
    Ok(())
}
