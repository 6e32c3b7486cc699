//! Tests for the exercise `mutex_bank`. Tests that could deadlock run under a
//! watchdog, so a deadlocking attempt fails after a timeout instead of hanging.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Barrier, Mutex};
use std::thread;
use std::time::Duration;

use exercises::mutex_bank::{Account, TransferError, transfer};

fn account(balance: u64) -> Mutex<Account> {
    Mutex::new(Account { balance })
}

fn balance(account: &Mutex<Account>) -> u64 {
    account.lock().unwrap().balance
}

/// Runs `f` on its own thread and returns its result, or fails the test if it
/// has not finished after `seconds` (the thread is then left blocked).
fn within<T: Send + 'static>(seconds: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(seconds)) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!("not finished within {seconds} s: deadlock"),
        Err(RecvTimeoutError::Disconnected) => panic!("panicked (see the message above)"),
    }
}

#[test]
fn moves_the_money() {
    let (a, b) = (account(100), account(5));
    assert_eq!(transfer(&a, &b, 30), Ok(()));
    assert_eq!((balance(&a), balance(&b)), (70, 35));
    assert_eq!(transfer(&b, &a, 35), Ok(()));
    assert_eq!((balance(&a), balance(&b)), (105, 0));
}

#[test]
fn the_whole_balance_can_move() {
    let (a, b) = (account(10), account(0));
    assert_eq!(transfer(&a, &b, 10), Ok(()));
    assert_eq!((balance(&a), balance(&b)), (0, 10));
}

#[test]
fn not_enough_money_changes_nothing() {
    let (a, b) = (account(10), account(7));
    let expected = TransferError::InsufficientFunds {
        balance: 10,
        amount: 11,
    };
    assert_eq!(transfer(&a, &b, 11), Err(expected));
    assert_eq!((balance(&a), balance(&b)), (10, 7));
}

#[test]
fn same_account_is_refused_without_locking_twice() {
    let result = within(5, || {
        let a = account(50);
        (transfer(&a, &a, 5), balance(&a))
    });
    assert_eq!(result, (Err(TransferError::SameAccount), 50));
}

#[test]
#[cfg_attr(miri, ignore = "thousands of transfers each way: too slow interpreted")]
fn transfers_both_ways_at_once_do_not_deadlock() {
    let total = within(10, || {
        let (a, b) = (account(1_000), account(1_000));
        let start = Barrier::new(4);
        thread::scope(|s| {
            for (from, to) in [(&a, &b), (&b, &a), (&a, &b), (&b, &a)] {
                let start = &start;
                s.spawn(move || {
                    start.wait(); // all four threads begin together
                    (0..200_000).for_each(|_| _ = transfer(from, to, 3));
                });
            }
        });
        balance(&a) + balance(&b)
    });
    assert_eq!(total, 2_000, "money was created or lost");
}

#[test]
#[cfg_attr(miri, ignore = "thousands of transfers on three threads: too slow")]
fn a_ring_of_three_accounts_does_not_deadlock() {
    let total = within(10, || {
        let accounts = [account(500), account(500), account(500)];
        thread::scope(|s| {
            for i in 0..3 {
                let (from, to) = (&accounts[i], &accounts[(i + 1) % 3]);
                s.spawn(move || (0..20_000).for_each(|_| _ = transfer(from, to, 2)));
            }
        });
        accounts.iter().map(balance).sum::<u64>()
    });
    assert_eq!(total, 1_500, "money was created or lost");
}

#[test]
fn no_one_sees_the_money_in_flight() {
    let (during, after) = within(10, || {
        let (a, b) = (account(100), account(0));
        thread::scope(|s| {
            let held = b.lock().unwrap(); // the transfer into `b` has to wait for us
            let worker = s.spawn(|| transfer(&a, &b, 10));
            thread::sleep(Duration::from_millis(200)); // let it get as far as it can
            // `a` is either still locked by the transfer, or untouched: never debited
            // while `b` has not been credited.
            let during = a.try_lock().map(|a| a.balance).ok();
            drop(held);
            assert_eq!(worker.join().unwrap(), Ok(()));
            (during, (balance(&a), balance(&b)))
        })
    });
    assert_ne!(
        during,
        Some(90),
        "`a` was debited while `b` was not yet credited"
    );
    assert_eq!(after, (90, 10));
}
