//! A data race that compiles: an `unsafe impl Sync` that lies. Two threads
//! add to one plain `u64` with no lock and no atomic. Miri reports the race.

// Undefined behaviour on purpose: it never runs natively. `cargo xtask miri`
// runs it under Miri, which must stop it with the report recorded here.
// output: miri
// Miri numbers its allocations; the number can change with the toolchain.
// output: mask alloc\d+
// tsan: skip a data race on purpose; the Miri step checks that it is caught

use std::cell::UnsafeCell;
use std::thread;

// ANCHOR: race
/// A counter that claims to be safe to share between threads. It is not.
struct RacyCounter(UnsafeCell<u64>);

// SAFETY: none. This promise is false: `add` below is a data race.
unsafe impl Sync for RacyCounter {}

impl RacyCounter {
    fn add(&self, n: u64) {
        // A plain read and write: no lock, no atomic, no happens-before.
        unsafe { *self.0.get() += n }
    }
}

fn main() {
    let counter = RacyCounter(UnsafeCell::new(0));
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..100 {
                    counter.add(1);
                }
            });
        }
    });
    println!("total: {}", unsafe { *counter.0.get() });
}
// ANCHOR_END: race
