//! # Exercise: join two futures by hand
//!
//! `join(a, b)` is a future that runs `a` and `b` concurrently, on one
//! thread, and finishes when both have: what `futures::join!` and
//! `tokio::join!` do. Write its `poll` as a state machine.
//!
//! Test your attempt with `cargo test -p exercises --test futures_join`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The future returned by [`join`].
///
/// Each input future is kept in a `Pin<Box<_>>` (so it can be polled without
/// any unsafe code) while it runs, and replaced by `None` once it has returned
/// `Ready`; its output waits in `a_output` or `b_output`.
pub struct Join<A: Future, B: Future> {
    a: Option<Pin<Box<A>>>,
    b: Option<Pin<Box<B>>>,
    a_output: Option<A::Output>,
    b_output: Option<B::Output>,
}

// `Join` never pins its outputs, and the futures are pinned in their boxes,
// so moving a `Join` is always fine: it may be `Unpin` whatever A and B are.
impl<A: Future, B: Future> Unpin for Join<A, B> {}

/// Returns a future that polls `a` and `b` and resolves to both outputs, `(a, b)`.
pub fn join<A: Future, B: Future>(a: A, b: B) -> Join<A, B> {
    todo!("write this, then run: cargo test -p exercises --test futures_join")
}

impl<A: Future, B: Future> Future for Join<A, B> {
    type Output = (A::Output, B::Output);

    /// Each poll polls every input that has not finished yet, `a` first, with
    /// the same `cx`; a finished input is never polled again. Returns `Ready`
    /// once both have finished, `Pending` otherwise.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        todo!("write this, then run: cargo test -p exercises --test futures_join")
    }
}
