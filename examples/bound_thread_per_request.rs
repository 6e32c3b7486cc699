//! One thread per request has no upper bound; a fixed pool of workers does.

// How many threads overlap depends on the scheduler.
// output: mask up to \d+
// output: mask-durations

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::thread;
use std::time::Duration;

const REQUESTS: usize = 200;
const WORKERS: usize = 20;
const WAIT: Duration = Duration::from_millis(10);

/// Counts the threads inside `handle` right now, and the most at once.
/// `Relaxed`: the counts publish no other data, a read-modify-write never
/// loses one, and `main` reads the peak after the scope has joined them all.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl Gauge {
    /// Stands for one IO-bound request: it waits, and returns a value.
    fn handle(&self, request: usize) -> usize {
        self.peak
            .fetch_max(self.now.fetch_add(1, Relaxed) + 1, Relaxed);
        thread::sleep(WAIT);
        self.now.fetch_sub(1, Relaxed);
        request * 2
    }
}

// ANCHOR: main
fn main() {
    println!("{REQUESTS} requests, each waits {WAIT:?}");
    let expected: usize = (0..REQUESTS).map(|r| r * 2).sum();

    // Mistake: one thread per request. 200 requests, 200 threads.
    let gauge = Gauge::default();
    let total: usize = thread::scope(|s| {
        let handles: Vec<_> = (0..REQUESTS)
            .map(|r| {
                let gauge = &gauge;
                s.spawn(move || gauge.handle(r))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    assert_eq!(total, expected);
    let peak = gauge.peak.load(Relaxed); // joined: every update is visible
    println!("one thread per request: {REQUESTS} threads, up to {peak} at once");

    // Fix: a fixed pool of workers takes the requests one by one.
    let (gauge, next) = (Gauge::default(), AtomicUsize::new(0));
    let total: usize = thread::scope(|s| {
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| {
                s.spawn(|| {
                    let mut sum = 0;
                    loop {
                        // Relaxed, like an ID allocator: no two calls get the same number.
                        let r = next.fetch_add(1, Relaxed); // claim the next request
                        if r >= REQUESTS {
                            return sum;
                        }
                        sum += gauge.handle(r);
                    }
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    assert_eq!(total, expected);
    let peak = gauge.peak.load(Relaxed); // joined, as above
    assert!(peak <= WORKERS); // the pool can never exceed its size
    println!("pool of {WORKERS} workers:     {WORKERS} threads, up to {peak} at once");
}
// ANCHOR_END: main
