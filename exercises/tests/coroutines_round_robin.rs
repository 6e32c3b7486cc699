//! Tests for the exercise `coroutines_round_robin`.

use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::thread;
use std::time::Duration;

use exercises::coroutines_round_robin::{Task, run_round_robin};

type Log = Arc<Mutex<Vec<String>>>;

/// A future that logs `"{name}{n}"` on its n-th poll and is ready on poll
/// `pending + 1`, with `value`.
struct Pollable {
    name: &'static str,
    polls: u32,
    pending: u32,
    value: i32,
    log: Log,
}

impl Future for Pollable {
    type Output = i32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<i32> {
        assert!(
            self.polls <= self.pending,
            "{} polled after Ready",
            self.name
        );
        self.polls += 1;
        let entry = format!("{}{}", self.name, self.polls);
        self.log.lock().unwrap().push(entry);
        if self.polls > self.pending {
            Poll::Ready(self.value)
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Runs `f` on another thread and gives up after ten seconds, so that an
/// executor that never finishes fails the test instead of hanging it.
fn within_ten_seconds<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || tx.send(f()));
    rx.recv_timeout(Duration::from_secs(10))
        .expect("run_round_robin did not finish within ten seconds (or panicked)")
}

/// Runs tasks described as (name, times pending, value); returns outputs and log.
fn run(specs: &'static [(&'static str, u32, i32)]) -> (Vec<i32>, Vec<String>) {
    within_ten_seconds(move || {
        let log = Log::default();
        let tasks: Vec<Task<'_, i32>> = specs
            .iter()
            .map(|&(name, pending, value)| {
                let log = Arc::clone(&log);
                let task = Pollable {
                    name,
                    polls: 0,
                    pending,
                    value,
                    log,
                };
                Box::pin(task) as Task<'_, i32>
            })
            .collect();
        let outputs = run_round_robin(tasks);
        let log = log.lock().unwrap().clone();
        (outputs, log)
    })
}

#[test]
fn no_tasks_no_outputs() {
    let outputs = within_ten_seconds(|| run_round_robin(Vec::<Task<'_, i32>>::new()));
    assert!(outputs.is_empty());
}

#[test]
fn one_task_ready_at_once() {
    let (outputs, log) = run(&[("a", 0, 7)]);
    assert_eq!(outputs, vec![7]);
    assert_eq!(log, vec!["a1"]);
}

#[test]
fn outputs_in_task_order_not_finishing_order() {
    let (outputs, _) = run(&[("slow", 3, 1), ("fast", 0, 2), ("mid", 1, 3)]);
    assert_eq!(outputs, vec![1, 2, 3]);
}

#[test]
fn takes_turns_round_by_round() {
    // Round 1 polls a, b, c; round 2 polls only the unfinished a and c; round 3 only a.
    let (outputs, log) = run(&[("a", 2, 10), ("b", 0, 20), ("c", 1, 30)]);
    assert_eq!(outputs, vec![10, 20, 30]);
    assert_eq!(log, vec!["a1", "b1", "c1", "a2", "c2", "a3"]);
}

#[test]
fn never_polls_a_finished_task() {
    // Pollable panics if polled after Ready; async blocks do too.
    let (outputs, log) = run(&[("a", 0, 1), ("b", 4, 2)]);
    assert_eq!(outputs, vec![1, 2]);
    assert_eq!(log, vec!["a1", "b1", "b2", "b3", "b4", "b5"]);
}

#[test]
fn runs_async_blocks_that_borrow() {
    let outputs = within_ten_seconds(|| {
        let words = ["one".to_string(), "three".to_string()];
        let tasks: Vec<Task<'_, usize>> = words
            .iter()
            .map(|w| Box::pin(async move { w.len() }) as Task<'_, usize>)
            .collect();
        run_round_robin(tasks)
    });
    assert_eq!(outputs, vec![3, 5]);
}
