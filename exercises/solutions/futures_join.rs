//! # Exercise: join two futures by hand (solution)

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The future returned by [`join`].
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
    Join {
        a: Some(Box::pin(a)),
        b: Some(Box::pin(b)),
        a_output: None,
        b_output: None,
    }
}

/// Polls `future` if it is still running; stores its output and drops it once ready.
fn poll_slot<F: Future>(
    future: &mut Option<Pin<Box<F>>>,
    output: &mut Option<F::Output>,
    cx: &mut Context<'_>,
) {
    if let Some(running) = future
        && let Poll::Ready(value) = running.as_mut().poll(cx)
    {
        *output = Some(value);
        *future = None; // never poll a finished future again
    }
}

impl<A: Future, B: Future> Future for Join<A, B> {
    type Output = (A::Output, B::Output);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self; // Join is Unpin: an ordinary &mut
        poll_slot(&mut this.a, &mut this.a_output, cx);
        poll_slot(&mut this.b, &mut this.b_output, cx);
        if this.a.is_none() && this.b.is_none() {
            let a = this.a_output.take().expect("polled after completion");
            let b = this.b_output.take().expect("polled after completion");
            return Poll::Ready((a, b));
        }
        Poll::Pending
    }
}
