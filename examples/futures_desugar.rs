//! What an `async fn` turns into: the same coroutine written by hand as an
//! enum with one variant per suspension point, polled side by side.

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

// ANCHOR: yield_now
/// Pending on the first poll (after asking to be polled again), Ready on the second.
#[derive(Default)]
struct YieldNow(bool);

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
// ANCHOR_END: yield_now

// ANCHOR: async_fn
async fn add_slowly(a: u32, b: u32) -> u32 {
    let x = a * 10;
    YieldNow::default().await;
    let y = x + b;
    YieldNow::default().await;
    y
}
// ANCHOR_END: async_fn

// ANCHOR: by_hand
/// One variant per place the coroutine can be: before it starts, at each
/// `.await` (with the locals still needed after it), and finished.
enum AddSlowly {
    Start { a: u32, b: u32 },
    FirstAwait { x: u32, b: u32, inner: YieldNow },
    SecondAwait { y: u32, inner: YieldNow },
    Done,
}

impl Future for AddSlowly {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            match &mut *self {
                AddSlowly::Start { a, b } => {
                    let x = *a * 10; // the code before the first .await
                    *self = AddSlowly::FirstAwait {
                        x,
                        b: *b,
                        inner: YieldNow::default(),
                    };
                }
                AddSlowly::FirstAwait { x, b, inner } => {
                    if Pin::new(inner).poll(cx).is_pending() {
                        return Poll::Pending; // suspend; resume right here next time
                    }
                    let y = *x + *b; // the code between the two .awaits
                    *self = AddSlowly::SecondAwait {
                        y,
                        inner: YieldNow::default(),
                    };
                }
                AddSlowly::SecondAwait { y, inner } => {
                    if Pin::new(inner).poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    let y = *y;
                    *self = AddSlowly::Done;
                    return Poll::Ready(y);
                }
                AddSlowly::Done => panic!("polled after completion"),
            }
        }
    }
}
// ANCHOR_END: by_hand

// ANCHOR: main
/// Polls a future to the end with a waker that does nothing; counts the polls.
fn run<F: Future>(future: F) -> (F::Output, u32) {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for polls in 1.. {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return (output, polls);
        }
    }
    unreachable!()
}

fn main() {
    let generated = run(add_slowly(4, 2));
    let by_hand = run(AddSlowly::Start { a: 4, b: 2 });
    println!("async fn:     {:?} (output, polls)", generated);
    println!("hand-written: {:?} (output, polls)", by_hand);
    assert_eq!(generated, by_hand);
}
// ANCHOR_END: main
