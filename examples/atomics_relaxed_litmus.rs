//! Counts how often a reader sees a flag before the data it publishes.

// With `Relaxed`, the count depends on the CPU: 0 on x86, possibly more on ARM.
// output: mask Relaxed +\d+
// miri: skip a million messages are hours for an interpreter; loom and Miri check orderings on smaller code (chapter 23)

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const MESSAGES: u64 = 1_000_000;

// ANCHOR: main
/// The writer stores `data = i`, then `flag = i`, for i = 1, 2, 3, ...
/// The reader loads `flag`, then `data`. Seeing `data < flag` means it saw
/// the flag of message i without message i's data.
fn flag_ahead_of_data(store: Ordering, load: Ordering) -> u64 {
    let (data, flag) = (AtomicU64::new(0), AtomicU64::new(0));
    thread::scope(|s| {
        s.spawn(|| {
            for i in 1..=MESSAGES {
                data.store(i, Ordering::Relaxed);
                flag.store(i, store);
            }
        });
        let reader = s.spawn(|| {
            let deadline = Instant::now() + Duration::from_secs(5);
            let mut ahead = 0;
            loop {
                let f = flag.load(load);
                let d = data.load(Ordering::Relaxed);
                ahead += u64::from(d < f);
                if f == MESSAGES || Instant::now() > deadline {
                    return ahead;
                }
            }
        });
        reader.join().unwrap()
    })
}

fn main() {
    println!("{MESSAGES} messages; times the reader saw a flag ahead of its data:");
    let correct = flag_ahead_of_data(Ordering::Release, Ordering::Acquire);
    println!("  Release/Acquire {correct}");
    let wrong = flag_ahead_of_data(Ordering::Relaxed, Ordering::Relaxed);
    println!("  Relaxed         {wrong}");
    assert_eq!(correct, 0, "Release/Acquire guarantees this");
}
// ANCHOR_END: main
