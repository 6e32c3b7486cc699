//! Release/Acquire: a flag that publishes data written before it.

use std::hint::spin_loop;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::*};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: main
static DATA: AtomicU64 = AtomicU64::new(0);
static READY: AtomicBool = AtomicBool::new(false);

fn main() {
    thread::scope(|s| {
        s.spawn(|| {
            DATA.store(42, Relaxed); // (1) write the data
            READY.store(true, Release); // (2) then publish it
        });
        s.spawn(|| {
            let deadline = Instant::now() + Duration::from_secs(5);
            while !READY.load(Acquire) {
                // (3) wait until the flag is set
                assert!(Instant::now() < deadline, "the writer never set READY");
                spin_loop();
            }
            // (4) Acquire saw the Release store: everything before (2) is visible.
            let data = DATA.load(Relaxed);
            println!("reader saw READY, then DATA = {data}");
            assert_eq!(data, 42);
        });
    });
}
// ANCHOR_END: main
