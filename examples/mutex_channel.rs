//! Results collected through `Arc<Mutex<Vec>>`, and the same done with a channel.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: main
fn work(n: u64) -> u64 {
    n * n
}

fn main() {
    // With a lock: every worker shares the Vec, and main must unwrap two layers at the end.
    let results = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (1..=4)
        .map(|n| {
            let results = Arc::clone(&results);
            thread::spawn(move || results.lock().unwrap().push(work(n)))
        })
        .collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    let mut locked = Arc::into_inner(results).unwrap().into_inner().unwrap();

    // With a channel: workers own a sender each; nothing is shared, nothing is locked.
    let (tx, rx) = mpsc::channel();
    let workers: Vec<_> = (1..=4)
        .map(|n| {
            let tx = tx.clone();
            thread::spawn(move || tx.send(work(n)).unwrap())
        })
        .collect();
    drop(tx); // the loop below ends when every sender is gone
    let mut sent: Vec<u64> = rx.iter().collect();
    workers.into_iter().for_each(|w| w.join().unwrap());

    locked.sort();
    sent.sort();
    assert_eq!(locked, sent);
    println!("lock: {locked:?}\nchannel: {sent:?}");
}
// ANCHOR_END: main
