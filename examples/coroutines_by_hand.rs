//! An `async fn` is a coroutine: it does nothing until polled, suspends at each
//! `.await` that is not ready, and resumes where it left off, its locals intact.

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

// ANCHOR: suspend
/// A future that is not ready the first time it is polled, and ready the second:
/// awaiting it suspends the coroutine once.
struct Suspend {
    polled: bool,
}

impl Future for Suspend {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.polled {
            return Poll::Ready(());
        }
        self.polled = true;
        cx.waker().wake_by_ref(); // "poll me again": a real executor needs this
        Poll::Pending
    }
}

fn suspend() -> Suspend {
    Suspend { polled: false }
}
// ANCHOR_END: suspend

// ANCHOR: main
async fn running_total(name: &str) -> u32 {
    println!("  {name}: started");
    let mut total = 0; // a local that must survive every suspension
    for step in 1..=3 {
        total += step;
        println!("  {name}: step {step}, total {total}, suspending");
        suspend().await;
    }
    println!("  {name}: finished");
    total
}

fn main() {
    let coroutine = running_total("coroutine"); // runs nothing yet
    println!("main: called running_total(), nothing printed so far");

    let mut coroutine = pin!(coroutine);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    let total = loop {
        polls += 1;
        println!("main: poll {polls}");
        match coroutine.as_mut().poll(&mut cx) {
            Poll::Pending => println!("main: got Pending, free to do other work"),
            Poll::Ready(total) => break total,
        }
    };
    println!("main: got Ready({total}) after {polls} polls");
    assert_eq!((total, polls), (6, 4));
}
// ANCHOR_END: main
