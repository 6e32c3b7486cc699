//! Waiting by spinning on `yield_now` keeps checking; a parked thread sleeps.

// How often the spinning thread checks depends on the scheduler.
// output: mask-numbers

use std::sync::Barrier;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let ready = AtomicBool::new(false);
    let spins = AtomicU64::new(0);
    let started = Barrier::new(3);

    thread::scope(|s| {
        let spinner = s.spawn(|| {
            started.wait();
            while !ready.load(Ordering::Acquire) {
                thread::yield_now(); // let another thread run, if one is ready
                spins.fetch_add(1, Ordering::Relaxed);
            }
        });
        let parker = s.spawn(|| {
            started.wait();
            let mut parks = 0_u64;
            while !ready.load(Ordering::Acquire) {
                thread::park(); // sleep until unparked (or, rarely, spuriously)
                parks += 1;
            }
            parks
        });

        started.wait(); // both waiters are running
        while spins.load(Ordering::Relaxed) < 100 {
            thread::sleep(Duration::from_millis(1)); // the spinner is surely spinning
        }
        thread::sleep(Duration::from_millis(20)); // make them wait a while
        ready.store(true, Ordering::Release);
        parker.thread().unpark();

        spinner.join().unwrap();
        let spins = spins.load(Ordering::Relaxed); // join made every increment visible
        let parks = parker.join().unwrap();
        println!("yield_now calls while waiting: {spins}");
        println!("park calls while waiting: {parks}");
        println!(
            "the spinning thread went round more often: {}",
            spins > parks
        );
    });
}
// ANCHOR_END: main
