//! # Exercise: a round-robin executor
//!
//! An executor is the loop that polls futures. Write the simplest one that is
//! still fair: it takes turns, polling every unfinished future once per round,
//! so that no future waits for another to finish. It needs no runtime and no
//! real waker: it polls with `Waker::noop()`, and simply polls again in the
//! next round whatever returned `Pending`.
//!
//! Test your attempt with `cargo test -p exercises --test coroutines_round_robin`.

use std::future::Future;
use std::pin::Pin;

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
    todo!("write this, then run: cargo test -p exercises --test coroutines_round_robin")
}
