//! Pitfall: ignoring `join`'s result hides a thread's panic from the program.

// A panic message names the thread's OS-level ID, which changes from run to run.
// output: mask \(\d+\)

use std::thread;

// ANCHOR: main
fn main() {
    let jobs: Vec<u32> = vec![4, 0, 5];
    let mut handles = Vec::new();
    for job in jobs {
        handles.push(thread::spawn(move || 100 / job)); // panics: division by zero
    }

    let mut done = 0;
    for handle in handles {
        let _ = handle.join(); // BUG: an `Err` is silently dropped
        done += 1;
    }
    println!("all {done} jobs done"); // claims success, and exits with status 0
}
// ANCHOR_END: main
