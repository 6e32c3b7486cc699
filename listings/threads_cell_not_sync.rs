//! Does not compile: a `Cell` in an `Arc` must not be shared between threads.
use std::cell::Cell;
use std::sync::Arc;
use std::thread;

fn main() {
    let hits = Arc::new(Cell::new(0_u64));
    let for_thread = Arc::clone(&hits);
    let handle = thread::spawn(move || {
        for_thread.set(for_thread.get() + 1); // read, add, write: like `hits += 1`
    });
    hits.set(hits.get() + 1);
    handle.join().unwrap();
    println!("{}", hits.get());
}
