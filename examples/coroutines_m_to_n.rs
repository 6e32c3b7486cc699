//! M:N scheduling: a thousand tokio tasks share two worker threads, and a task
//! may resume on a different worker thread from the one it started on.

// Which worker runs which step is up to the scheduler: the counts vary by run.
// output: mask \d+ of the \d+ tasks
// output: mask used \d+ distinct
// miri: skip 1000 threads and tasks take minutes in an interpreter

use std::collections::HashSet;
use std::thread::{self, ThreadId};

const TASKS: usize = 1000;
const STEPS: usize = 4; // each task records its thread, yields, records, …

// ANCHOR: main
fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .expect("cannot start the tokio runtime");

    let traces: Vec<Vec<ThreadId>> = runtime.block_on(async {
        let handles: Vec<_> = (0..TASKS)
            .map(|_| {
                tokio::spawn(async {
                    let mut seen = Vec::with_capacity(STEPS);
                    for _ in 0..STEPS {
                        seen.push(thread::current().id()); // which OS thread runs me now?
                        tokio::task::yield_now().await; // suspend; back of the queue
                    }
                    seen
                })
            })
            .collect();
        let mut traces = Vec::with_capacity(TASKS);
        for handle in handles {
            traces.push(handle.await.expect("a task panicked"));
        }
        traces
    });

    let main_thread = thread::current().id();
    let threads: HashSet<ThreadId> = traces.iter().flatten().copied().collect();
    let moved = traces
        .iter()
        .filter(|t| t.iter().any(|id| *id != t[0]))
        .count();
    println!(
        "tasks: {}, steps recorded: {}",
        traces.len(),
        traces.len() * STEPS
    );
    println!("the tasks used {} distinct OS threads", threads.len());
    println!("used at most 2 distinct OS threads: {}", threads.len() <= 2);
    println!(
        "the main thread ran no step: {}",
        !threads.contains(&main_thread)
    );
    println!("{moved} of the {TASKS} tasks resumed on another thread");
}
// ANCHOR_END: main
