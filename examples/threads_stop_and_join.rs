//! The fix for a detached worker: tell it to stop, wake it, and join it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;

struct Log;

impl Drop for Log {
    fn drop(&mut self) {
        println!("worker: log flushed and closed");
    }
}

// ANCHOR: main
static STOP: AtomicBool = AtomicBool::new(false);

fn main() {
    let (started_tx, started_rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _log = Log;
        println!("worker: started");
        started_tx.send(()).unwrap();
        while !STOP.load(Ordering::Acquire) {
            thread::park(); // wait until told to stop
        }
        println!("worker: stopping");
    });

    started_rx.recv().unwrap();
    println!("main: asking the worker to stop");
    STOP.store(true, Ordering::Release);
    worker.thread().unpark();
    worker.join().unwrap(); // returns after the worker's `Log` was dropped
    println!("main: worker joined, returning");
}
// ANCHOR_END: main
