//! A future that returns `Pending` without arranging a wake-up is never polled
//! again by an executor that waits for wakes: the task hangs forever.

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

struct ThreadWaker {
    thread: Thread,
    woken: AtomicBool,
}

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        // Release, paired with the Acquire swap in `block_on_for`: what the
        // waking thread wrote before `wake` is visible to the next poll, even
        // when the executor finds the flag without parking.
        self.woken.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

/// `block_on` with a deadline, so that this example cannot hang: gives up
/// (returns None) once the future has been pending for `limit` without a wake.
fn block_on_for<F: Future>(future: F, limit: Duration) -> (Option<F::Output>, u32) {
    let mut future = pin!(future);
    let state = Arc::new(ThreadWaker {
        thread: thread::current(),
        woken: AtomicBool::new(false),
    });
    let waker = Waker::from(Arc::clone(&state));
    let mut cx = Context::from_waker(&waker);
    let deadline = Instant::now() + limit;
    for polls in 1.. {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return (Some(output), polls);
        }
        // Poll again only after a wake (a spurious unpark does not count).
        while !state.woken.swap(false, Ordering::Acquire) {
            if Instant::now() >= deadline {
                return (None, polls);
            }
            thread::park_timeout(deadline.saturating_duration_since(Instant::now()));
        }
    }
    unreachable!()
}

// ANCHOR: main
/// Pending on the first poll, Ready on the second: but does it say so?
struct NotYet {
    polled: bool,
    wake: bool,
}

impl Future for NotYet {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.polled {
            return Poll::Ready("done");
        }
        self.polled = true;
        if self.wake {
            cx.waker().wake_by_ref(); // the fix: promise a wake-up, then keep it
        }
        Poll::Pending
    }
}

fn main() {
    let limit = Duration::from_millis(200);
    let bug = block_on_for(
        NotYet {
            polled: false,
            wake: false,
        },
        limit,
    );
    println!("without wake: {bug:?} (output, polls): gave up");
    let fixed = block_on_for(
        NotYet {
            polled: false,
            wake: true,
        },
        limit,
    );
    println!("with wake:    {fixed:?} (output, polls)");
    assert_eq!((bug, fixed), ((None, 1), (Some("done"), 2)));
}
// ANCHOR_END: main
