//! Tests for the exercise `bound_fetch_all`. Each test runs its own slow
//! server on 127.0.0.1 and checks the answers and the most calls the server
//! saw at once, never how long anything took.

// miri: skip its tests run a server on 127.0.0.1; Miri's isolation forbids sockets

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use exercises::bound_fetch_all::fetch_all;

/// Every socket operation of the server, and its wait for overlapping calls.
const LIMIT: Duration = Duration::from_secs(10);
/// How long the server gives up waiting for `target` calls to overlap.
const PATIENCE: Duration = Duration::from_secs(2);
/// How long each call takes once the server has stopped waiting.
const DELAY: Duration = Duration::from_millis(30);
/// An id the server hangs up on without answering.
const BAD_ID: u32 = 666;

#[derive(Default)]
struct Counts {
    connections: usize,
    busy: usize,
    peak: usize,
    released: bool, // `target` calls overlapped, or the server gave up waiting
}

/// A slow server. It holds each call until `target` calls are in progress
/// at once (or `PATIENCE` has passed), so a solution that should overlap
/// calls is seen to, however slow the machine. Then each call takes `DELAY`.
struct TestServer {
    addr: SocketAddr,
    counts: Arc<(Mutex<Counts>, Condvar)>,
    accept_loop: Option<JoinHandle<()>>,
}

impl TestServer {
    fn start(target: usize) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let counts = Arc::new((Mutex::new(Counts::default()), Condvar::new()));
        let shared = Arc::clone(&counts);
        let accept_loop = thread::spawn(move || {
            let mut handlers = Vec::new();
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let counts = Arc::clone(&shared);
                let mut c = counts.0.lock().unwrap();
                if c.connections == usize::MAX {
                    break; // the stop signal
                }
                c.connections += 1;
                drop(c);
                handlers.push(thread::spawn(move || _ = serve(conn, target, &counts)));
            }
            handlers.into_iter().for_each(|h| h.join().unwrap());
        });
        TestServer {
            addr,
            counts,
            accept_loop: Some(accept_loop),
        }
    }

    /// (connections accepted, most calls in progress at once)
    fn seen(&self) -> (usize, usize) {
        let c = self.counts.0.lock().unwrap();
        (c.connections, c.peak)
    }
}

fn serve(conn: TcpStream, target: usize, counts: &(Mutex<Counts>, Condvar)) -> io::Result<()> {
    conn.set_read_timeout(Some(LIMIT))?;
    conn.set_write_timeout(Some(LIMIT))?;
    let mut request = String::new();
    BufReader::new(&conn).read_line(&mut request)?;
    let id: u32 = request.trim().parse().expect("the request is an id");
    let (lock, changed) = counts;
    let mut c = lock.lock().unwrap();
    c.busy += 1;
    c.peak = c.peak.max(c.busy);
    if c.busy >= target {
        c.released = true;
        changed.notify_all();
    }
    let (mut c, _) = changed
        .wait_timeout_while(c, PATIENCE, |c| !c.released)
        .unwrap();
    c.released = true; // waited long enough: stop holding calls back
    drop(c);
    changed.notify_all();
    thread::sleep(DELAY);
    lock.lock().unwrap().busy -= 1;
    if id == BAD_ID {
        return Ok(()); // hang up without an answer
    }
    writeln!(&conn, "row {id}: {}", u64::from(id) * u64::from(id))
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.counts.0.lock().unwrap().connections = usize::MAX;
        // One last connection wakes the accept loop, which then stops.
        if TcpStream::connect_timeout(&self.addr, LIMIT).is_ok()
            && let Some(accept_loop) = self.accept_loop.take()
        {
            let _ = accept_loop.join();
        }
    }
}

fn expected(ids: &[u32]) -> Vec<String> {
    ids.iter()
        .map(|&id| format!("row {id}: {}", u64::from(id) * u64::from(id)))
        .collect()
}

/// Runs `fetch_all` against a server expecting `target` overlapping calls.
fn run(
    ids: &[u32],
    max_threads: usize,
    target: usize,
) -> (io::Result<Vec<String>>, (usize, usize)) {
    let server = TestServer::start(target);
    let result = fetch_all(server.addr, ids, max_threads);
    let seen = server.seen();
    (result, seen)
}

#[test]
fn ten_calls_three_at_a_time() {
    let ids: Vec<u32> = (1..=10).collect();
    let (answers, (connections, peak)) = run(&ids, 3, 3);
    assert_eq!(answers.unwrap(), expected(&ids));
    assert_eq!(connections, 10, "one call per id");
    assert_eq!(peak, 3, "the most calls the server had at once");
}

#[test]
fn answers_follow_the_ids_not_the_finish_order() {
    let ids = [9, 2, 7, 2, 40, 1, 33];
    let (answers, (connections, peak)) = run(&ids, 4, 4);
    assert_eq!(answers.unwrap(), expected(&ids));
    assert_eq!(connections, ids.len());
    assert_eq!(peak, 4);
}

#[test]
fn fewer_ids_than_threads() {
    let ids = [5, 6, 7];
    let (answers, (connections, peak)) = run(&ids, 10, 3);
    assert_eq!(answers.unwrap(), expected(&ids));
    assert_eq!((connections, peak), (3, 3));
}

#[test]
fn one_thread_means_one_at_a_time() {
    let ids = [3, 1, 4, 1, 5];
    let (answers, (_, peak)) = run(&ids, 1, 1);
    assert_eq!(answers.unwrap(), expected(&ids));
    assert_eq!(peak, 1);
}

#[test]
fn zero_threads_count_as_one() {
    let ids = [8, 9];
    let (answers, (_, peak)) = run(&ids, 0, 1);
    assert_eq!(answers.unwrap(), expected(&ids));
    assert_eq!(peak, 1);
}

#[test]
fn no_ids_no_connections() {
    let (answers, (connections, _)) = run(&[], 4, 1);
    assert_eq!(answers.unwrap(), Vec::<String>::new());
    assert_eq!(connections, 0);
}

#[test]
fn a_failed_call_is_an_error() {
    let ids = [1, 2, BAD_ID, 4, 5];
    let (answers, (_, peak)) = run(&ids, 2, 2);
    assert!(answers.is_err(), "the server never answered id {BAD_ID}");
    assert!(peak <= 2);
}
