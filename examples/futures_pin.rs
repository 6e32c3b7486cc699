//! `Pin` in practice: an `async fn` may borrow from its own state, so it must
//! not move once polled. `Box::pin` and `pin!` pin it; an `Unpin` future needs
//! neither.

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

#[derive(Default)]
struct YieldNow(bool); // Pending once, then Ready; holds no reference: Unpin

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

// ANCHOR: self_ref
async fn sum_first_two() -> u32 {
    let numbers = [1, 2, 3];
    let first_two = &numbers[..2]; // points into the future's own state
    YieldNow::default().await; // suspended here: `first_two` is saved too
    first_two.iter().sum()
}
// ANCHOR_END: self_ref

// ANCHOR: main
fn main() {
    let mut cx = Context::from_waker(Waker::noop());

    // Not polled yet, so nothing points into it: moving it is fine.
    let futures = vec![sum_first_two(), sum_first_two()];
    let mut futures = futures.into_iter();

    // On the heap: Box::pin. The Box can move; the future inside cannot.
    let mut boxed: Pin<Box<dyn Future<Output = u32>>> = Box::pin(futures.next().unwrap());
    while boxed.as_mut().poll(&mut cx).is_pending() {}
    println!("Box::pin: size of the handle {} bytes", size_of_val(&boxed));

    // On the stack: pin! shadows the future, so it can never be moved again.
    let mut on_stack = pin!(futures.next().unwrap());
    let first = on_stack.as_mut().poll(&mut cx);
    let second = on_stack.as_mut().poll(&mut cx);
    println!("pin!: {first:?}, then {second:?}");

    // YieldNow is Unpin: Pin::new wraps a plain &mut, no pinning needed.
    let mut plain = YieldNow::default();
    let polls = [
        Pin::new(&mut plain).poll(&mut cx),
        Pin::new(&mut plain).poll(&mut cx),
    ];
    println!("Pin::new on an Unpin future: {polls:?}");
    assert_eq!(second, Poll::Ready(3));
}
// ANCHOR_END: main
