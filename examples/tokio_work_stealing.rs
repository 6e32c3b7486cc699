//! Work stealing: tasks spawned on a busy worker's local queue are taken and
//! run by the idle workers.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const TASKS: usize = 16;

// ANCHOR: main
fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .build()
        .expect("a runtime");
    let (done, elsewhere) = runtime.block_on(async {
        tokio::spawn(async {
            let spawner = thread::current().id();
            let done = Arc::new(AtomicUsize::new(0));
            let elsewhere = Arc::new(AtomicUsize::new(0));
            for _ in 0..TASKS {
                let (done, elsewhere) = (Arc::clone(&done), Arc::clone(&elsewhere));
                // Tokio 1.54 (source, not docs): a spawn from a worker queues the task there.
                tokio::spawn(async move {
                    if thread::current().id() != spawner {
                        elsewhere.fetch_add(1, Ordering::Relaxed);
                    }
                    // Release, paired with the Acquire loads below: whoever
                    // sees this count also sees the `elsewhere` count before it.
                    done.fetch_add(1, Ordering::Release);
                });
            }
            // Keep this worker busy, never awaiting (a bad idea, made on purpose):
            // its queue can only be emptied by other workers stealing from it.
            let start = Instant::now();
            while done.load(Ordering::Acquire) < TASKS - 1
                && start.elapsed() < Duration::from_secs(5)
            {
                std::hint::spin_loop();
            }
            let finished = done.load(Ordering::Acquire);
            (finished, elsewhere.load(Ordering::Relaxed))
        })
        .await
        .expect("no panic")
    });
    println!("{TASKS} tasks spawned on one worker, which then never yielded");
    // The last one spawned waits in the worker's LIFO slot, which others cannot steal.
    println!(
        "finished meanwhile, all on other workers: {}",
        elsewhere == done
    );
    println!("at least {} of {TASKS}: {}", TASKS - 1, done >= TASKS - 1);
    assert!(done >= TASKS - 1 && elsewhere == done);
}
// ANCHOR_END: main
