//! Shutting a runtime down: a task is dropped at its `.await`; a started
//! `spawn_blocking` job runs to its end, and only dropping the runtime waits for it.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};

fn runtime() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .expect("a runtime")
}

// ANCHOR: guard
/// Lives in a task across its `.await`, and says when it is dropped.
struct Guard {
    _alive: Sender<()>, // dropped with the guard: a recv() on the other end returns
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("  the task's guard was dropped");
    }
}
// ANCHOR_END: guard

// ANCHOR: job
/// Starts a blocking job that waits until `until` gets a message or loses its
/// sender. Returns once the job is running, with a channel that hears when it ends.
fn start_blocking_job(runtime: &Runtime, until: Receiver<()>) -> Receiver<()> {
    let (started_tx, started) = mpsc::channel();
    let (finished_tx, finished) = mpsc::channel();
    runtime.spawn_blocking(move || {
        started_tx.send(()).expect("the caller waits for this");
        let _ = until.recv(); // blocks this thread: no runtime can interrupt it
        finished_tx.send(()).expect("main keeps the receiver");
    });
    started.recv().expect("the job starts");
    finished
}
// ANCHOR_END: job

// ANCHOR: drop
fn dropping_waits() {
    let runtime = runtime();
    let (guard_tx, guard_alive) = mpsc::channel();
    let (at_await_tx, at_await) = mpsc::channel();
    runtime.spawn(async move {
        let _guard = Guard { _alive: guard_tx };
        at_await_tx.send(()).expect("main waits for this");
        std::future::pending::<()>().await; // suspended here, forever
        unreachable!("a pending future never completes");
    });
    at_await.recv().expect("the task reached its .await");
    let job = start_blocking_job(&runtime, guard_alive); // ends when the guard does

    println!("drop(runtime):");
    drop(runtime);
    let finished = job.try_recv().is_ok();
    println!("  returned; the blocking job had finished: {finished}");
    assert!(finished);
}
// ANCHOR_END: drop

// ANCHOR: timeout
fn shutdown_without_waiting(name: &str, shutdown: impl FnOnce(Runtime)) {
    let runtime = runtime();
    let (release, until) = mpsc::channel();
    let job = start_blocking_job(&runtime, until); // ends when main releases it

    println!("{name}:");
    shutdown(runtime);
    let finished = job.try_recv().is_ok();
    println!("  returned; the blocking job had finished: {finished}");
    assert!(!finished);

    release.send(()).expect("the job is still waiting");
    job.recv().expect("the job runs to its end");
    println!("  released; the blocking job has finished");
}

fn main() {
    dropping_waits();
    shutdown_without_waiting("shutdown_timeout(10 ms)", |runtime| {
        runtime.shutdown_timeout(Duration::from_millis(10));
    });
    shutdown_without_waiting("shutdown_background()", Runtime::shutdown_background);
}
// ANCHOR_END: timeout
