//! # Solution: a countdown coroutine, written by hand as a `Future`
//!
//! Test it with `cargo test -p exercises --features solutions --test coroutines_countdown`.

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
    next: u32,
    counted: Vec<u32>,
}

impl Countdown {
    /// A countdown from `from`; it does nothing until it is polled.
    pub fn new(from: u32) -> Self {
        Countdown {
            next: from,
            counted: Vec::new(),
        }
    }
}

impl Future for Countdown {
    type Output = Vec<u32>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<u32>> {
        // `Countdown` is `Unpin` (it holds no self-references), so the pin
        // lets us change its fields directly.
        if self.next == 0 {
            return Poll::Ready(std::mem::take(&mut self.counted));
        }
        let number = self.next;
        self.counted.push(number);
        self.next -= 1;
        cx.waker().wake_by_ref(); // without this, a real executor never polls again
        Poll::Pending
    }
}
