//! A future written by hand: a timer, as a state machine with three states.
//! Its first poll starts a thread that sleeps and then calls the waker.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

// ANCHOR: timer
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
            // Assigning through the `Pin` is allowed because `Timer` is
            // `Unpin`: see "`Pin`, in brief" below.
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
        drop(state); // unlock first: `state` borrows `*self`, replaced next
        *self = Timer::Done;
        Poll::Ready(())
    }
}
// ANCHOR_END: timer

// ANCHOR: main
/// A waker that counts its wake-ups and unparks the thread that polls.
struct CountingWaker {
    wakes: AtomicUsize,
    thread: Thread,
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        // Release, paired with main's Acquire: what the waking thread wrote
        // before `wake` is visible to the poll that follows, parked or not.
        self.wakes.fetch_add(1, Ordering::Release);
        self.thread.unpark();
    }
}

fn main() {
    let counting = Arc::new(CountingWaker {
        wakes: AtomicUsize::new(0),
        thread: thread::current(),
    });
    let waker = Waker::from(Arc::clone(&counting));
    let mut cx = Context::from_waker(&waker);
    let mut timer = Timer::NotStarted(Duration::from_millis(20));

    let first = Pin::new(&mut timer).poll(&mut cx);
    println!("poll 1: {first:?}");
    assert!(first.is_pending());
    while counting.wakes.load(Ordering::Acquire) == 0 {
        thread::park(); // sleep until the timer thread calls wake (or spuriously)
    }
    println!(
        "woken {} time(s) by the timer thread",
        counting.wakes.load(Ordering::Relaxed) // the loop above synchronised
    );
    let second = Pin::new(&mut timer).poll(&mut cx);
    println!("poll 2: {second:?}");
    assert!(second.is_ready() && matches!(timer, Timer::Done));
}
// ANCHOR_END: main
