//! Ten slow "database calls" to a local server: one after another, then on
//! ten threads. Wall time falls tenfold; CPU time stays tiny either way.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests use a shorter delay: only the masked numbers change.
// output: test-args --quick
// miri: skip opens TCP sockets, which Miri's isolation forbids

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

const CALLS: u32 = 10;
const LIMIT: Duration = Duration::from_secs(5); // bound on every socket operation

fn cpu_time() -> Duration {
    // SAFETY: `rusage` is plain data; getrusage only writes into it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    let secs = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    secs(usage.ru_utime) + secs(usage.ru_stime)
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

fn parse_delay() -> Duration {
    match std::env::args().nth(1).as_deref() {
        None => Duration::from_millis(100),
        Some("--quick") => Duration::from_millis(20),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: bound_db_calls [--quick]");
            std::process::exit(2);
        }
    }
}

// ANCHOR: main
/// Runs `calls`, checks the answers, prints wall time, CPU time and the
/// server's peak, and returns `[wall, cpu]` in milliseconds.
fn measure(name: &str, server: &SlowServer, calls: impl FnOnce() -> Vec<String>) -> [f64; 2] {
    server.state.peak.store(0, Relaxed); // before this batch sends a request
    let (wall_start, cpu_start) = (Instant::now(), cpu_time());
    let answers = calls();
    let (wall, cpu) = (wall_start.elapsed(), cpu_time() - cpu_start);
    let expected: Vec<String> = (0..CALLS).map(|id| format!("row {id}")).collect();
    assert_eq!(answers, expected); // every answer, in order
    let (wall_ms, cpu_ms) = (wall.as_secs_f64() * 1e3, cpu.as_secs_f64() * 1e3);
    let peak = server.state.peak.load(Relaxed); // after every answer came back
    println!(
        "{name:<12} {wall_ms:>9.1} {cpu_ms:>9.2} {:>9.4} {peak:>6}",
        cpu_ms / wall_ms
    );
    [wall_ms, cpu_ms]
}

fn main() -> io::Result<()> {
    let delay = parse_delay();
    let server = SlowServer::start(delay)?; // dropped, and so stopped, on every way out
    let addr = server.addr;
    println!(
        "{CALLS} calls, each answered after {} ms",
        delay.as_millis()
    );
    println!(
        "{:<12} {:>9} {:>9} {:>9} {:>6}",
        "", "wall ms", "CPU ms", "CPU/wall", "peak"
    );

    let seq = measure("sequential", &server, || {
        (0..CALLS).map(|id| call(addr, id).unwrap()).collect()
    });
    let par = measure("10 threads", &server, || {
        thread::scope(|s| {
            let handles: Vec<_> = (0..CALLS)
                .map(|id| s.spawn(move || call(addr, id)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap().unwrap())
                .collect()
        })
    });
    let one_delay = delay.as_secs_f64() * 1e3;
    println!("wall time, sequential / threads:  {:.1}", seq[0] / par[0]);
    println!(
        "threads' wall time / one delay:   {:.2}",
        par[0] / one_delay
    );
    println!("CPU time, threads / sequential:   {:.2}", par[1] / seq[1]);
    Ok(())
}
// ANCHOR_END: main
