//! Futures are lazy: calling an `async fn` runs none of its body. A thread,
//! by contrast, starts running the moment it is spawned.

use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::task::{Context, Poll, Waker};
use std::thread;

static SAVED: AtomicU32 = AtomicU32::new(0);

// ANCHOR: main
async fn save(record: u32) -> u32 {
    // Relaxed: a count, read on this thread or after a join, publishes nothing.
    SAVED.fetch_add(1, Relaxed);
    record
}

fn main() {
    let thread = thread::spawn(|| SAVED.fetch_add(1, Relaxed));
    thread.join().unwrap(); // the join makes the thread's increment visible
    println!(
        "after spawning and joining a thread: saved {}",
        SAVED.load(Relaxed)
    );

    let future = save(42); // builds the state machine, runs nothing
    println!(
        "after calling save(42):              saved {}",
        SAVED.load(Relaxed)
    );

    drop(save(43)); // created and dropped without a poll: never runs
    println!(
        "after dropping save(43) unpolled:    saved {}",
        SAVED.load(Relaxed)
    );

    let mut cx = Context::from_waker(Waker::noop());
    let result = pin!(future).poll(&mut cx); // the first poll runs the body
    println!(
        "after polling save(42) once:         saved {}, {result:?}",
        SAVED.load(Relaxed)
    );
    assert_eq!((SAVED.load(Relaxed), result), (2, Poll::Ready(42)));
}
// ANCHOR_END: main
