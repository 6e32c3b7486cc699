//! Tests for the exercise `races_bank`.

use exercises::races_bank::{Bank, BankError};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Barrier, mpsc};
use std::thread;
use std::time::Duration;

#[test]
fn withdraws_what_the_balance_covers() {
    let bank = Bank::new(&[100, 50]);
    assert_eq!(bank.balance(0), Some(100));
    assert_eq!(bank.balance(2), None);
    assert_eq!(bank.withdraw(0, 30), Ok(70));
    assert_eq!(bank.withdraw(0, 70), Ok(0));
    assert_eq!(bank.withdraw(1, 51), Err(BankError::InsufficientFunds));
    assert_eq!(bank.withdraw(1, 0), Ok(50));
    assert_eq!(bank.withdraw(2, 1), Err(BankError::NoSuchAccount));
    assert_eq!(
        bank.balance(1),
        Some(50),
        "a refused withdrawal changes nothing"
    );
    assert_eq!(bank.total(), 50);
}

#[test]
fn a_refused_transfer_changes_nothing() {
    let bank = Bank::new(&[100, 20]);
    assert_eq!(bank.transfer(0, 1, 70), Ok(()));
    assert_eq!((bank.balance(0), bank.balance(1)), (Some(30), Some(90)));
    assert_eq!(bank.transfer(0, 1, 31), Err(BankError::InsufficientFunds));
    assert_eq!(bank.transfer(0, 9, 1), Err(BankError::NoSuchAccount));
    assert_eq!(bank.transfer(9, 0, 1), Err(BankError::NoSuchAccount));
    assert_eq!(bank.transfer(9, 0, 1_000), Err(BankError::NoSuchAccount));
    assert_eq!((bank.balance(0), bank.balance(1)), (Some(30), Some(90)));
    assert_eq!(bank.total(), 120);
}

#[test]
fn a_transfer_to_the_same_account_changes_nothing_and_does_not_deadlock() {
    // Run it on another thread, so that a deadlock fails the test instead of
    // hanging it.
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        let bank = Bank::new(&[10]);
        let results = (bank.transfer(0, 0, 10), bank.transfer(0, 0, 11));
        _ = done.send((results, bank.balance(0)));
    });
    let (results, balance) = finished
        .recv_timeout(Duration::from_secs(5))
        .expect("transfer(0, 0, _) did not return within 5 s: a deadlock?");
    assert_eq!(results, (Ok(()), Err(BankError::InsufficientFunds)));
    assert_eq!(balance, Some(10));
}

#[test]
fn can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Bank>();
}

#[test]
#[cfg_attr(miri, ignore = "millions of withdrawals: hours in an interpreter")]
fn concurrent_withdrawals_never_overdraw() {
    // In each round, two threads spin until both are ready, then both
    // withdraw 1 from a balance of 1: exactly one may succeed. A check and an
    // act under two separate locks lets both through, or overflows, in some
    // round (given two free cores).
    for round in 1..=2000 {
        let bank = Bank::new(&[1]);
        let ready = AtomicUsize::new(0);
        let succeeded: usize = thread::scope(|s| {
            let handles: Vec<_> = (0..2)
                .map(|_| {
                    s.spawn(|| {
                        // Relaxed: a start line that publishes nothing; the
                        // bank's locks order the withdrawals.
                        ready.fetch_add(1, Ordering::Relaxed);
                        // Bounded spin: the other thread arrives within
                        // microseconds; if not, go anyway.
                        for _ in 0..10_000_000 {
                            if ready.load(Ordering::Relaxed) == 2 {
                                break;
                            }
                            std::hint::spin_loop();
                        }
                        bank.withdraw(0, 1).is_ok()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .filter(|&ok| ok)
                .count()
        });
        assert_eq!(
            succeeded, 1,
            "round {round}: withdrawals of 1 from 1 that went through"
        );
        assert_eq!(bank.balance(0), Some(0), "round {round}: final balance");
    }
}

#[test]
#[cfg_attr(miri, ignore = "120 000 transfers: too slow in an interpreter")]
fn concurrent_transfers_keep_every_total_exact() {
    const ACCOUNTS: usize = 8;
    const THREADS: usize = 6;
    let bank = Bank::new(&[1000; ACCOUNTS]);
    let expected = 1000 * ACCOUNTS as u64;
    let stop = AtomicBool::new(false); // Relaxed: it only ends the watcher's loop
    // Relaxed, both: a count of the watcher's checks and a flag saying it
    // still checks, read only to decide how long to wait for it.
    let checks = AtomicUsize::new(0);
    let watching = AtomicBool::new(true);
    let start = Barrier::new(THREADS + 1);
    thread::scope(|s| {
        // A watcher checks the total over and over while money moves, and
        // returns the first wrong total it sees.
        let watcher = s.spawn(|| {
            start.wait();
            let mut wrong = None;
            while wrong.is_none() && !stop.load(Ordering::Relaxed) {
                let total = bank.total();
                if total != expected {
                    wrong = Some(total);
                }
                checks.fetch_add(1, Ordering::Relaxed);
            }
            watching.store(false, Ordering::Relaxed);
            wrong
        });
        let workers: Vec<_> = (0..THREADS)
            .map(|t| {
                let (bank, start, checks, watching) = (&bank, &start, &checks, &watching);
                s.spawn(move || {
                    start.wait();
                    let mut x = t as u64 + 1; // a small pseudo-random sequence
                    for i in 0..20_000 {
                        // Halfway, the first worker waits until the watcher
                        // has started and finished a check, so that at least
                        // one total is taken in the middle of the transfers,
                        // however the threads are scheduled (on a busy machine
                        // the watcher could otherwise start after the last one).
                        if t == 0 && i == 10_000 {
                            let seen = checks.load(Ordering::Relaxed);
                            while watching.load(Ordering::Relaxed)
                                && checks.load(Ordering::Relaxed) < seen + 2
                            {
                                thread::yield_now();
                            }
                        }
                        x = x
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        let (from, to) =
                            ((x >> 33) as usize % ACCOUNTS, (x >> 45) as usize % ACCOUNTS);
                        _ = bank.transfer(from, to, (x >> 20) % 300);
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        stop.store(true, Ordering::Relaxed);
        assert_eq!(watcher.join().unwrap(), None, "a total saw money in flight");
    });
    assert_eq!(bank.total(), expected);
    for account in 0..ACCOUNTS {
        assert!(bank.balance(account).unwrap() <= expected);
    }
}
