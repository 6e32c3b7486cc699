//! # Solution: a round-robin executor
//!
//! Test it with `cargo test -p exercises --features solutions --test coroutines_round_robin`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A future on the heap, pinned there, so that futures of different types can
/// share one `Vec`. `Box::pin(async { … })` makes one.
pub type Task<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Runs every task to completion, taking turns, and returns their outputs in
/// the order of `tasks` (not the order in which they finish).
///
/// - Each round polls every unfinished task once, in the order of `tasks`,
///   with a `Context` built from `std::task::Waker::noop()`.
/// - A task that returns `Poll::Ready` is never polled again (polling an
///   `async` block after it has finished panics).
/// - Rounds repeat until every task is finished. No tasks: no outputs.
pub fn run_round_robin<T>(tasks: Vec<Task<'_, T>>) -> Vec<T> {
    let mut cx = Context::from_waker(Waker::noop());
    // Slot i holds task i until it finishes, then nothing.
    let mut pending: Vec<Option<Task<'_, T>>> = tasks.into_iter().map(Some).collect();
    let mut outputs: Vec<Option<T>> = pending.iter().map(|_| None).collect();
    let mut left = pending.len();
    while left > 0 {
        for (slot, output) in pending.iter_mut().zip(&mut outputs) {
            let Some(task) = slot else { continue };
            if let Poll::Ready(value) = task.as_mut().poll(&mut cx) {
                *output = Some(value);
                *slot = None; // drop the finished task: never poll it again
                left -= 1;
            }
        }
    }
    outputs
        .into_iter()
        .map(|o| o.expect("every task finished"))
        .collect()
}
