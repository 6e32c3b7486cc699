//! Tests for the exercise `channels_thread_pool`.
//!
//! Every test runs inside `within`, which fails the test instead of letting
//! it hang when a pool deadlocks or never shuts down.

use std::cell::RefCell;
use std::collections::HashSet;
use std::panic;
// Every counter is `Relaxed`: none publishes other data, and a test reads one
// either in `wait_for`, which needs only the count, or after `drop(pool)`,
// whose joins make everything the workers did visible.
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use exercises::channels_thread_pool::ThreadPool;

/// Runs `test` on its own thread and fails if it takes more than 10 seconds.
fn within(test: impl FnOnce() + Send + 'static) {
    let (done_tx, done_rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        test();
        done_tx.send(()).unwrap();
    });
    match done_rx.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => handle.join().unwrap(),
        Err(RecvTimeoutError::Disconnected) => match handle.join() {
            Err(payload) => panic::resume_unwind(payload),
            Ok(()) => unreachable!("the test thread sends before it ends"),
        },
        Err(RecvTimeoutError::Timeout) => panic!("timed out: a pool deadlocked or never shut down"),
    }
}

/// Waits until `counter` reaches `target`, for at most 2 seconds: short
/// enough that a pool running its jobs one at a time fails an assertion (four
/// jobs in turn take 8 seconds) before `within` gives up after 10.
fn wait_for(counter: &AtomicUsize, target: usize) -> bool {
    let deadline = Instant::now() + Duration::from_secs(2);
    while counter.load(Relaxed) < target {
        if Instant::now() > deadline {
            return false;
        }
        thread::sleep(Duration::from_millis(1));
    }
    true
}

#[test]
#[cfg_attr(miri, ignore = "too many jobs for an interpreter")]
fn every_job_runs_exactly_once() {
    within(|| {
        let runs: Arc<Vec<AtomicUsize>> = Arc::new((0..500).map(|_| AtomicUsize::new(0)).collect());
        let pool = ThreadPool::new(4);
        for i in 0..500 {
            let runs = Arc::clone(&runs);
            pool.execute(move || _ = runs[i].fetch_add(1, Relaxed));
        }
        drop(pool);
        for (i, n) in runs.iter().enumerate() {
            assert_eq!(n.load(Relaxed), 1, "job {i} ran {} times", n.load(Relaxed));
        }
    });
}

#[test]
fn drop_waits_for_every_queued_job() {
    within(|| {
        let done = Arc::new(AtomicUsize::new(0));
        let pool = ThreadPool::new(2);
        for _ in 0..20 {
            let done = Arc::clone(&done);
            pool.execute(move || {
                thread::sleep(Duration::from_millis(5));
                done.fetch_add(1, Relaxed);
            });
        }
        drop(pool);
        assert_eq!(
            done.load(Relaxed),
            20,
            "drop returned before the queued jobs ran"
        );
        assert_eq!(
            Arc::strong_count(&done),
            1,
            "a job was never run or never dropped"
        );
    });
}

/// Counts worker threads that have exited: a thread-local's destructor runs
/// when its thread ends, before `join` on that thread returns.
struct ExitCounter(Arc<AtomicUsize>);

impl Drop for ExitCounter {
    fn drop(&mut self) {
        self.0.fetch_add(1, Relaxed);
    }
}

thread_local! {
    static ON_EXIT: RefCell<Option<ExitCounter>> = const { RefCell::new(None) };
}

#[test]
fn drop_joins_every_worker() {
    within(|| {
        let exited = Arc::new(AtomicUsize::new(0));
        let started = Arc::new(AtomicUsize::new(0));
        let workers: Arc<Mutex<HashSet<ThreadId>>> = Arc::default();
        let pool = ThreadPool::new(3);
        for _ in 0..3 {
            let (exited, started, workers) = (exited.clone(), started.clone(), workers.clone());
            pool.execute(move || {
                ON_EXIT.with(|slot| *slot.borrow_mut() = Some(ExitCounter(exited)));
                workers.lock().unwrap().insert(thread::current().id());
                started.fetch_add(1, Relaxed);
                assert!(
                    wait_for(&started, 3),
                    "the three jobs never ran at the same time"
                );
            });
        }
        drop(pool);
        assert_eq!(
            workers.lock().unwrap().len(),
            3,
            "three jobs should run on three workers"
        );
        assert_eq!(
            exited.load(Relaxed),
            3,
            "drop returned before every worker thread ended"
        );
    });
}

#[test]
fn workers_run_jobs_at_the_same_time() {
    within(|| {
        // Each job waits until all four have started: only four workers that
        // run jobs in parallel (and hold no lock meanwhile) can finish them.
        let started = Arc::new(AtomicUsize::new(0));
        let met = Arc::new(AtomicUsize::new(0));
        let pool = ThreadPool::new(4);
        for _ in 0..4 {
            let (started, met) = (Arc::clone(&started), Arc::clone(&met));
            pool.execute(move || {
                started.fetch_add(1, Relaxed);
                if wait_for(&started, 4) {
                    met.fetch_add(1, Relaxed);
                }
            });
        }
        drop(pool);
        assert_eq!(
            met.load(Relaxed),
            4,
            "the four jobs did not all run at the same time"
        );
    });
}

#[test]
fn execute_does_not_wait_for_the_job() {
    within(|| {
        let pool = ThreadPool::new(1);
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let released = Arc::new(AtomicUsize::new(0));
        let r = Arc::clone(&released);
        pool.execute(move || {
            if go_rx.recv_timeout(Duration::from_secs(5)).is_ok() {
                r.fetch_add(1, Relaxed);
            }
        });
        pool.execute(|| {}); // queued behind the blocked job; must return at once
        go_tx.send(()).unwrap();
        drop(pool);
        assert_eq!(released.load(Relaxed), 1, "execute waited for a job to run");
    });
}

#[test]
fn a_panicking_job_does_not_stop_the_pool() {
    within(|| {
        let done = Arc::new(AtomicUsize::new(0));
        let pool = ThreadPool::new(2);
        pool.execute(|| panic!("job failed on purpose"));
        pool.execute(|| panic!("job failed on purpose"));
        // Both workers must still be there to run these two at the same time.
        let started = Arc::new(AtomicUsize::new(0));
        for _ in 0..2 {
            let (started, done) = (Arc::clone(&started), Arc::clone(&done));
            pool.execute(move || {
                started.fetch_add(1, Relaxed);
                if wait_for(&started, 2) {
                    done.fetch_add(1, Relaxed);
                }
            });
        }
        for _ in 0..10 {
            let done = Arc::clone(&done);
            pool.execute(move || _ = done.fetch_add(1, Relaxed));
        }
        drop(pool);
        assert_eq!(done.load(Relaxed), 12, "jobs after a panic were lost");
    });
}

#[test]
#[should_panic]
fn a_pool_without_workers_is_refused() {
    let _pool = ThreadPool::new(0);
}
