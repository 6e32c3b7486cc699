//! # Exercise: a countdown coroutine, written by hand as a `Future`
//!
//! `async fn` writes the state machine for you. Here you write one yourself:
//! [`Countdown`] counts down from `n`, suspending once per number, and
//! finishes with the numbers it counted, like a Python generator that yields
//! `n, n - 1, …, 1` and then returns them all.
//!
//! Test your attempt with `cargo test -p exercises --test coroutines_countdown`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A future that counts down from `from` to 1, one number per poll.
///
/// Each poll while numbers are left records the current number, counts down
/// by one, asks to be polled again (`cx.waker().wake_by_ref()`) and returns
/// `Poll::Pending`. The first poll with nothing left returns
/// `Poll::Ready` with every number recorded, in order. So `Countdown::new(3)`
/// returns `Pending` three times, then `Ready(vec![3, 2, 1])`, and
/// `Countdown::new(0)` is ready at once with an empty `Vec`.
pub struct Countdown {
    // Add the fields the state machine needs to keep between polls.
}

impl Countdown {
    /// A countdown from `from`; it does nothing until it is polled.
    pub fn new(from: u32) -> Self {
        todo!("write this, then run: cargo test -p exercises --test coroutines_countdown")
    }
}

impl Future for Countdown {
    type Output = Vec<u32>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<u32>> {
        todo!("write this, then run: cargo test -p exercises --test coroutines_countdown")
    }
}
