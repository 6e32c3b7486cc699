//! A lost wake-up: the flag changes, and the notification comes, between the
//! waiter's check and its wait, because the notifier did not take the mutex.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

const SECOND: Duration = Duration::from_secs(1);

// ANCHOR: main
fn main() {
    let lock = Mutex::new(());
    let ready = AtomicBool::new(false); // the bug: the predicate is not under `lock`
    let cvar = Condvar::new();
    let (checked_tx, checked) = mpsc::channel();
    let (notified_tx, notified) = mpsc::channel();
    thread::scope(|s| {
        let (ready, cvar) = (&ready, &cvar);
        s.spawn(move || {
            checked.recv_timeout(SECOND).unwrap(); // the waiter has checked: not ready yet
            // Relaxed: the channels order this store between the waiter's two
            // loads. The bug is the missing lock; no ordering would fix it.
            ready.store(true, Ordering::Relaxed); // no lock taken:
            cvar.notify_one(); // nobody is waiting yet, so this is lost
            notified_tx.send(()).unwrap();
        });

        let guard = lock.lock().unwrap();
        if !ready.load(Ordering::Relaxed) {
            checked_tx.send(()).unwrap();
            // Force the unlucky order that a busy machine produces by chance.
            notified.recv_timeout(SECOND).unwrap();
            let limit = Duration::from_millis(200); // without it: a hang
            let (_guard, result) = cvar.wait_timeout(guard, limit).unwrap();
            println!("waiter: timed out = {}", result.timed_out());
        }
        println!("flag was set all along: {}", ready.load(Ordering::Relaxed));
    });
}
// ANCHOR_END: main
