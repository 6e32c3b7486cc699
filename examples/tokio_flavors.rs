//! The two runtime flavours: which OS threads run the tasks.

use std::collections::HashSet;
use std::thread::{self, ThreadId};
use tokio::runtime::{Builder, Runtime};

// Miri interprets every poll: a tenth of the tasks checks the same code.
const TASKS: usize = if cfg!(miri) { 10 } else { 100 };

// ANCHOR: run
/// Spawns `TASKS` (100) tasks, each yielding a few times; returns the threads that polled them.
fn threads_used(runtime: &Runtime) -> HashSet<ThreadId> {
    runtime.block_on(async {
        let tasks: Vec<_> = (0..TASKS)
            .map(|_| {
                tokio::spawn(async {
                    let mut seen = vec![thread::current().id()];
                    for _ in 0..3 {
                        tokio::task::yield_now().await;
                        seen.push(thread::current().id());
                    }
                    seen
                })
            })
            .collect();
        let mut ids = HashSet::new();
        for task in tasks {
            ids.extend(task.await.expect("no task panics"));
        }
        ids
    })
}
// ANCHOR_END: run

// ANCHOR: main
fn main() {
    let main_id = thread::current().id();

    let current = Builder::new_current_thread().build().expect("a runtime");
    let ids = threads_used(&current);
    println!("current_thread: tasks ran on {} thread(s)", ids.len());
    println!("  that thread is main: {}", ids.contains(&main_id));
    assert_eq!(ids, HashSet::from([main_id]));

    let multi = Builder::new_multi_thread().worker_threads(2).build();
    let ids = threads_used(&multi.expect("a runtime"));
    println!(
        "multi_thread with 2 workers: at most 2 threads: {}",
        ids.len() <= 2
    );
    println!("  main among them: {}", ids.contains(&main_id));
    assert!(!ids.contains(&main_id));
}
// ANCHOR_END: main
