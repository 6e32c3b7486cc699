//! Tests for the exercise `network_rate_limited`. Each test runs its own slow
//! server on 127.0.0.1 and checks the results and the most requests the
//! server saw at once, never how long anything took.

// miri: skip its tests run a server on 127.0.0.1; Miri's isolation forbids sockets

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use exercises::network_rate_limited::fetch_all;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{sleep, timeout};

/// Every test must finish within this.
const LIMIT: Duration = Duration::from_secs(20);
/// How long the server holds calls back, waiting for `target` to overlap.
const PATIENCE: Duration = Duration::from_secs(2);
/// How long each answered call takes once the server stops holding it.
const DELAY: Duration = Duration::from_millis(30);
/// An id the server never answers (it waits until the client hangs up).
const HANG_ID: u32 = 999;
/// An id the server hangs up on without answering.
const BAD_ID: u32 = 666;

#[derive(Default)]
struct Counts {
    connections: usize,
    busy: usize,
    peak: usize,
    released: bool,
}

/// Starts the server; it lives as long as the test's runtime.
async fn server(target: usize) -> (SocketAddr, Arc<Mutex<Counts>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let counts = Arc::new(Mutex::new(Counts::default()));
    let shared = Arc::clone(&counts);
    tokio::spawn(async move {
        while let Ok((conn, _)) = listener.accept().await {
            shared.lock().unwrap().connections += 1;
            tokio::spawn(serve(conn, target, Arc::clone(&shared)));
        }
    });
    (addr, counts)
}

async fn serve(conn: TcpStream, target: usize, counts: Arc<Mutex<Counts>>) {
    let mut conn = BufReader::new(conn);
    let mut request = String::new();
    if conn.read_line(&mut request).await.unwrap_or(0) == 0 {
        return;
    }
    let id: u32 = request.trim().parse().expect("the request is an id");
    {
        let mut c = counts.lock().unwrap();
        c.busy += 1;
        c.peak = c.peak.max(c.busy);
        c.released |= c.busy >= target;
    }
    let start = Instant::now();
    while !counts.lock().unwrap().released && start.elapsed() < PATIENCE {
        sleep(Duration::from_millis(5)).await;
    }
    counts.lock().unwrap().released = true;
    if id == HANG_ID {
        // Hold the call until the client gives up and closes the connection.
        let _ = timeout(LIMIT, conn.read(&mut [0; 16])).await;
    } else {
        sleep(DELAY).await;
    }
    counts.lock().unwrap().busy -= 1;
    if id != HANG_ID && id != BAD_ID {
        let answer = format!("row {id}: {}\n", u64::from(id) * 3);
        let _ = conn.write_all(answer.as_bytes()).await;
    }
}

fn answer(id: u32) -> String {
    format!("row {id}: {}", u64::from(id) * 3)
}

async fn run(
    ids: &[u32],
    max: usize,
    per_call: Duration,
    target: usize,
) -> (Vec<Result<String, ErrorKind>>, usize, usize) {
    let (addr, counts) = server(target).await;
    let results = timeout(LIMIT, fetch_all(addr, ids, max, per_call))
        .await
        .expect("fetch_all must finish");
    let results = results
        .into_iter()
        .map(|r| r.map_err(|e| e.kind()))
        .collect();
    let c = counts.lock().unwrap();
    (results, c.connections, c.peak)
}

const LONG: Duration = Duration::from_secs(10);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_ids_three_at_a_time() {
    let ids: Vec<u32> = (1..=10).collect();
    let (results, connections, peak) = run(&ids, 3, LONG, 3).await;
    let expected: Vec<_> = ids.iter().map(|&id| Ok(answer(id))).collect();
    assert_eq!(results, expected);
    assert_eq!(connections, 10, "one request per id");
    assert_eq!(peak, 3, "the most requests the server had at once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_follow_the_ids() {
    let ids = [9, 2, 7, 2, 40, 1];
    let (results, connections, peak) = run(&ids, 4, LONG, 4).await;
    let expected: Vec<_> = ids.iter().map(|&id| Ok(answer(id))).collect();
    assert_eq!(results, expected);
    assert_eq!((connections, peak), (6, 4));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zero_counts_as_one() {
    let (results, _, peak) = run(&[5, 6, 7], 0, LONG, 1).await;
    assert_eq!(results, vec![Ok(answer(5)), Ok(answer(6)), Ok(answer(7))]);
    assert_eq!(peak, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_ids_no_connections() {
    let (results, connections, _) = run(&[], 4, LONG, 1).await;
    assert!(results.is_empty());
    assert_eq!(connections, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_server_times_out_and_the_rest_go_on() {
    let ids = [1, HANG_ID, 2, 3];
    let (results, connections, _) = run(&ids, 2, Duration::from_millis(300), 2).await;
    assert_eq!(
        results,
        vec![
            Ok(answer(1)),
            Err(ErrorKind::TimedOut),
            Ok(answer(2)),
            Ok(answer(3))
        ]
    );
    assert_eq!(connections, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timeout_starts_when_a_request_gets_its_turn() {
    // One slot: two silent ids hold it for 300 ms each. The ids queued behind
    // them waited longer than 300 ms for their turn and must still succeed.
    let ids = [HANG_ID, HANG_ID, 4, 5];
    let (results, _, _) = run(&ids, 1, Duration::from_millis(300), 1).await;
    let timed_out = Err(ErrorKind::TimedOut);
    assert_eq!(
        results,
        vec![timed_out.clone(), timed_out, Ok(answer(4)), Ok(answer(5))]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_errors_are_results_too() {
    let (results, _, _) = run(&[BAD_ID, 8], 2, LONG, 2).await;
    assert_eq!(results, vec![Err(ErrorKind::UnexpectedEof), Ok(answer(8))]);
}
