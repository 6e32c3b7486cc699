//! Side by side with Python: three threads each sum a range, and `join` hands back each sum.

use std::thread;

// ANCHOR: main
fn main() {
    let mut handles = Vec::new();
    for part in 0..3_u64 {
        let handle = thread::spawn(move || {
            let sum: u64 = (part * 1000..(part + 1) * 1000).sum();
            sum // the thread's result
        });
        handles.push(handle);
    }

    let mut sums = Vec::new();
    for handle in handles {
        sums.push(handle.join().unwrap()); // waits, then gives back the sum
    }
    let total: u64 = sums.iter().sum();
    println!("partial sums: {sums:?}");
    println!("total: {total}");
    assert_eq!(total, (0..3000).sum());
}
// ANCHOR_END: main
