//! A minimal executor: `block_on` polls one future on the current thread and
//! parks the thread while the future is pending; the waker unparks it.

// How long the two timers take varies a little from run to run.
// output: mask-durations

use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};
// Chapter 23 model-checks the timer and `block_on` with loom, which swaps in
// its own Mutex and threads (a sleep becomes a point where others may run).
#[cfg(loom)]
use loom_models::{
    sync::Mutex,
    thread::{self, Thread},
};
#[cfg(not(loom))]
use std::{
    sync::Mutex,
    thread::{self, Thread},
};

/// What the timer thread and the future share: done yet, and whom to wake.
#[derive(Default)]
struct Shared {
    done: bool,
    waker: Option<Waker>,
}

enum Timer {
    NotStarted(Duration),
    Waiting(Arc<Mutex<Shared>>),
    Done,
}

impl Future for Timer {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Timer::NotStarted(duration) = *self {
            let shared = Arc::new(Mutex::new(Shared::default()));
            let for_thread = Arc::clone(&shared);
            thread::spawn(move || {
                thread::sleep(duration);
                let mut state = for_thread.lock().unwrap();
                state.done = true;
                if let Some(waker) = state.waker.take() {
                    waker.wake(); // "poll me again": the timer has fired
                }
            });
            *self = Timer::Waiting(shared);
        }
        let Timer::Waiting(shared) = &*self else {
            panic!("Timer polled after it returned Ready");
        };
        let mut state = shared.lock().unwrap();
        if !state.done {
            state.waker = Some(cx.waker().clone()); // the latest waker wins
            return Poll::Pending;
        }
        drop(state);
        *self = Timer::Done;
        Poll::Ready(())
    }
}

// ANCHOR: block_on
/// The waker of `block_on`: waking the future unparks the thread that runs it.
struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs `future` to completion on the current thread.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            Poll::Pending => thread::park(), // until wake() (or a spurious wake-up)
        }
    }
}
// ANCHOR_END: block_on

// ANCHOR: main
async fn two_naps() -> &'static str {
    Timer::NotStarted(Duration::from_millis(20)).await;
    Timer::NotStarted(Duration::from_millis(20)).await;
    "rested"
}

fn main() {
    let start = Instant::now();
    let mut polls = 0;
    let mut future = pin!(two_naps());
    let counted = poll_fn(|cx| {
        polls += 1; // count how often block_on polls the future
        future.as_mut().poll(cx)
    });
    let output = block_on(counted);
    println!(
        "output {output:?} after {:?}, polled {polls} times",
        start.elapsed()
    );
    assert!(start.elapsed() >= Duration::from_millis(40));
}
// ANCHOR_END: main

/// Run by `cargo xtask loom`: however the timer thread and `block_on`
/// interleave (including spurious wake-ups of `park`), the wake-up is never
/// lost, so `block_on` returns; a lost one would be a deadlock, which loom reports.
#[cfg(all(loom, test))]
mod loom_model {
    use super::{Timer, block_on};
    use std::time::Duration;

    #[test]
    fn block_on_a_timer_always_returns() {
        loom::model(|| {
            let output = block_on(async {
                Timer::NotStarted(Duration::ZERO).await;
                "rested"
            });
            assert_eq!(output, "rested");
        });
    }
}
