//! Tests for the exercise `atomics_once_flag`.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercises::atomics_once_flag::OnceFlag;

const LIMIT: Duration = Duration::from_secs(10);

#[test]
fn runs_once_on_one_thread() {
    let flag = OnceFlag::new();
    let runs = AtomicU64::new(0);
    assert!(!flag.is_done());
    assert!(flag.call_once(|| _ = runs.fetch_add(1, Relaxed)));
    assert!(flag.is_done());
    assert!(!flag.call_once(|| _ = runs.fetch_add(1, Relaxed)));
    assert!(!flag.call_once(|| panic!("must not run a second closure")));
    assert_eq!(runs.load(Relaxed), 1);
}

/// Starts `threads` threads that call `call_once` on one flag at the same
/// moment; the closure counts its runs, takes a while, then writes 42.
/// Returns, per thread, what `call_once` returned and the value it saw after.
fn race(threads: usize, runs: &Arc<AtomicU64>) -> Vec<(bool, u64)> {
    let flag = Arc::new(OnceFlag::new());
    let value = Arc::new(AtomicU64::new(0));
    let barrier = Arc::new(Barrier::new(threads));
    let (tx, rx) = mpsc::channel();
    for _ in 0..threads {
        let (flag, value, barrier, runs, tx) = (
            Arc::clone(&flag),
            Arc::clone(&value),
            Arc::clone(&barrier),
            Arc::clone(runs),
            tx.clone(),
        );
        thread::spawn(move || {
            barrier.wait();
            let ran = flag.call_once(|| {
                runs.fetch_add(1, Relaxed);
                thread::sleep(Duration::from_millis(30));
                value.store(42, Relaxed);
            });
            tx.send((ran, value.load(Relaxed))).unwrap();
        });
    }
    drop(tx); // only the threads hold senders now: a panicked thread ends the wait
    (0..threads)
        .map(|_| {
            rx.recv_timeout(LIMIT)
                .expect("a call_once did not return within 10 s")
        })
        .collect()
}

#[test]
fn many_threads_one_run() {
    let runs = Arc::new(AtomicU64::new(0));
    let results = race(8, &runs);
    assert_eq!(runs.load(Relaxed), 1, "the closure must run exactly once");
    let winners = results.iter().filter(|(ran, _)| *ran).count();
    assert_eq!(winners, 1, "exactly one call must return true");
}

#[test]
fn every_call_waits_for_the_closure_to_finish() {
    let runs = Arc::new(AtomicU64::new(0));
    for (ran, seen) in race(8, &runs) {
        assert_eq!(
            seen, 42,
            "call_once returned (ran: {ran}) before the closure had finished"
        );
    }
}

#[test]
fn not_done_while_the_closure_runs() {
    let flag = Arc::new(OnceFlag::new());
    let (started_tx, started_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let runner = {
        let flag = Arc::clone(&flag);
        thread::spawn(move || {
            flag.call_once(|| {
                started_tx.send(()).unwrap();
                go_rx.recv_timeout(LIMIT).expect("the test never said go");
            })
        })
    };
    started_rx
        .recv_timeout(LIMIT)
        .expect("the closure never started");
    assert!(
        !flag.is_done(),
        "is_done must be false while the closure runs"
    );
    go_tx.send(()).unwrap();
    assert!(runner.join().unwrap());
    assert!(flag.is_done());
}

#[test]
fn many_flags_many_races() {
    // Under Miri, which explores the interleavings itself, fewer rounds do.
    let rounds = if cfg!(miri) { 10 } else { 50 };
    for _ in 0..rounds {
        let flag = Arc::new(OnceFlag::new());
        let runs = Arc::new(AtomicU64::new(0));
        let (tx, rx) = mpsc::channel();
        for _ in 0..4 {
            let (flag, runs, tx) = (Arc::clone(&flag), Arc::clone(&runs), tx.clone());
            thread::spawn(move || {
                let ran = flag.call_once(|| _ = runs.fetch_add(1, Relaxed));
                tx.send(ran).unwrap();
            });
        }
        drop(tx);
        let winners = (0..4)
            .filter(|_| rx.recv_timeout(LIMIT).expect("a call_once did not return"))
            .count();
        assert_eq!(winners, 1);
        assert_eq!(runs.load(Relaxed), 1);
    }
}
