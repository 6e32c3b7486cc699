//! Pitfall: when `main` returns, the process ends, and every other thread with it.

// Its point is a thread that `main` does not wait for, which Miri reports as a leak.
// miri: flags -Zmiri-ignore-leaks

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;

// ANCHOR: main
struct Log;

impl Drop for Log {
    fn drop(&mut self) {
        println!("worker: log flushed and closed"); // never printed
    }
}

static STOP: AtomicBool = AtomicBool::new(false);

fn main() {
    let (started_tx, started_rx) = mpsc::channel();
    thread::spawn(move || {
        let _log = Log;
        println!("worker: started");
        started_tx.send(()).unwrap();
        while !STOP.load(Ordering::Acquire) {
            thread::park(); // wait until told to stop
        }
        println!("worker: stopping"); // never printed
    }); // the `JoinHandle` is dropped: the thread is detached

    started_rx.recv().unwrap(); // wait until the worker runs
    println!("main: returning without stopping or joining the worker");
}
// ANCHOR_END: main
