//! Tests for the exercise `mutex_philosophers`. Every test runs dinner under a
//! watchdog, so a solution that deadlocks fails after a timeout instead of hanging.

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use exercises::mutex_philosophers::{Fork, Table, dine};

/// Runs `f` on its own thread and returns its result, or fails the test if it
/// has not finished after `seconds` (the thread is then left blocked).
fn within<T: Send + 'static>(seconds: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(seconds)) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!("dinner did not end within {seconds} s: deadlock"),
        Err(RecvTimeoutError::Disconnected) => panic!("dinner panicked (see the message above)"),
    }
}

/// Dinner for `seats` with `meals` each; returns meals per philosopher, the
/// forks, and how many distinct threads ate.
fn dinner(seats: usize, meals: usize, grab_ms: u64) -> (Vec<usize>, Vec<Fork>, usize) {
    within(10, move || {
        let table = Table::new(seats, Duration::from_millis(grab_ms));
        let eaten: Vec<AtomicUsize> = (0..seats).map(|_| AtomicUsize::new(0)).collect();
        let threads = Mutex::new(HashSet::new());
        dine(&table, meals, |p, left: &mut Fork, right: &mut Fork| {
            assert_eq!(left.id, p, "philosopher {p} got the wrong left fork");
            assert_eq!(
                right.id,
                (p + 1) % seats,
                "philosopher {p} got the wrong right fork"
            );
            left.uses += 1;
            right.uses += 1;
            eaten[p].fetch_add(1, Ordering::Relaxed);
            threads.lock().unwrap().insert(thread::current().id());
        });
        let eaten = eaten.into_iter().map(AtomicUsize::into_inner).collect();
        let threads = threads.into_inner().unwrap().len();
        (eaten, table.into_forks(), threads)
    })
}

#[test]
fn five_philosophers_each_eat_every_meal() {
    let (eaten, forks, threads) = dinner(5, 20, 1);
    assert_eq!(eaten, vec![20; 5]);
    assert!(
        forks.iter().all(|f| f.uses == 40),
        "each fork serves 2 x 20 meals: {forks:?}"
    );
    assert_eq!(threads, 5, "each philosopher eats on a thread of their own");
}

#[test]
fn everyone_grabs_a_fork_at_the_same_moment() {
    // Slow hands: if all pick up their left fork first, all hold one and wait.
    let (eaten, _, _) = dinner(5, 3, 30);
    assert_eq!(eaten, vec![3; 5]);
}

#[test]
fn two_philosophers_share_two_forks() {
    let (eaten, forks, threads) = dinner(2, 10, 5);
    assert_eq!(eaten, vec![10, 10]);
    assert!(forks.iter().all(|f| f.uses == 20));
    assert_eq!(threads, 2);
}

#[test]
fn no_meals_no_eating() {
    let (eaten, forks, _) = dinner(3, 0, 1);
    assert_eq!(eaten, vec![0; 3]);
    assert!(forks.iter().all(|f| f.uses == 0));
}
