//! A job that panics kills its worker thread; with one worker, the queued jobs are lost.

// A panic message names the thread's OS-level ID, which changes from run to run.
// output: mask \(\d+\)

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

type Job = Box<dyn FnOnce() -> u32 + Send>;

fn jobs() -> Vec<Job> {
    (1..=5)
        .map(|n| -> Job { Box::new(move || if n == 2 { panic!("job {n} failed") } else { n }) })
        .collect()
}

// ANCHOR: main
fn run_pool(catch_panics: bool) {
    let (tx, rx) = mpsc::channel::<Job>();
    let (done_tx, done_rx) = mpsc::channel::<u32>();
    let worker = thread::spawn(move || {
        for job in rx {
            let result = if catch_panics {
                panic::catch_unwind(AssertUnwindSafe(job)) // the fix
            } else {
                Ok(job()) // a panic here unwinds out of the worker
            };
            if let Ok(n) = result {
                done_tx.send(n).unwrap();
            }
        }
    });
    for job in jobs() {
        let _ = tx.send(job); // fails once the worker and its Receiver are gone
    }
    drop(tx);
    let worker_panicked = worker.join().is_err();
    let done: Vec<u32> = done_rx.iter().collect();
    let how = if catch_panics {
        "with catch_unwind:   "
    } else {
        "without catch_unwind:"
    };
    println!("{how} jobs done {done:?}, worker panicked: {worker_panicked}");
}

fn main() {
    run_pool(false);
    run_pool(true);
}
// ANCHOR_END: main
