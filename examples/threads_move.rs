//! A `move` closure gives the new thread ownership of what it captures.

use std::thread;

// ANCHOR: main
fn main() {
    let file = String::from("orders.csv");
    let mut rows = vec![12, 7, 30, 4, 18];
    let limit = 10; // an `i32` is `Copy`: moving it copies it

    let file_for_thread = file.clone(); // main keeps `file`; the thread gets a copy
    let handle = thread::spawn(move || {
        // This thread owns `rows` and `file_for_thread` now: it may change them.
        rows.retain(|&row| row > limit);
        println!("{file_for_thread}: {} rows above {limit}", rows.len());
    }); // `rows` is dropped when the closure ends, on the spawned thread

    handle.join().unwrap();
    println!("main still has {file} and limit {limit}");
}
// ANCHOR_END: main
