//! Spawn a thread, let it run beside `main`, and wait for it with `join`.

// The two threads print at the same time, so their lines interleave in any order.
// output: unordered

use std::thread;

// ANCHOR: main
fn main() {
    let handle = thread::spawn(|| {
        for step in 1..=3 {
            println!("spawned thread: step {step}");
        }
    });

    for step in 1..=3 {
        println!("main thread: step {step}");
    }

    handle.join().unwrap(); // block until the spawned thread has finished
    println!("main thread: the spawned thread has finished");
}
// ANCHOR_END: main
