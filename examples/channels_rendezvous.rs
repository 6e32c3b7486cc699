//! `sync_channel(0)` has no buffer: each `send` waits until a `recv` takes the message.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TrySendError};
use std::thread;
use std::time::Duration;

static RECEIVER_CALLED: AtomicBool = AtomicBool::new(false);

// ANCHOR: main
fn main() {
    let (tx, rx) = mpsc::sync_channel::<&str>(0);

    // Nobody is waiting in `recv`, so there is nowhere to put the message.
    let full = matches!(tx.try_send("hello"), Err(TrySendError::Full(_)));
    println!("try_send with no receiver waiting: Full = {full}");

    let sender = thread::spawn(move || {
        tx.send("hello").unwrap(); // blocks until main calls recv
        // `send` returned, so main has already reached `recv`. Relaxed is
        // enough: the channel's hand-over orders main's store before this
        // load. Release/Acquire on the flag could not: it orders other data
        // only once a load has seen the store.
        RECEIVER_CALLED.load(Ordering::Relaxed)
    });

    thread::sleep(Duration::from_millis(50)); // time for the sender to block in `send`
    RECEIVER_CALLED.store(true, Ordering::Relaxed); // Relaxed: see the load
    let message = rx.recv().unwrap();
    let saw_flag = sender.join().unwrap();

    println!("received {message:?}");
    println!("send returned only after main called recv: {saw_flag}");
    assert!(full && saw_flag);
}
// ANCHOR_END: main
