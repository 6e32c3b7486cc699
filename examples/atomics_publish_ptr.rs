//! `AtomicPtr` publishes a whole value that was built with ordinary writes.

use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering::*};
use std::thread;
use std::time::{Duration, Instant};

#[derive(Debug)]
struct Config {
    name: String,
    workers: usize,
}

// ANCHOR: main
static CONFIG: AtomicPtr<Config> = AtomicPtr::new(ptr::null_mut());

fn main() {
    thread::scope(|s| {
        s.spawn(|| {
            // Plain, non-atomic writes: build the value...
            let config = Box::new(Config {
                name: "prod".into(),
                workers: 8,
            });
            // ...then publish its address with a Release store.
            CONFIG.store(Box::into_raw(config), Release);
        });
        s.spawn(|| {
            let deadline = Instant::now() + Duration::from_secs(5);
            let p = loop {
                let p = CONFIG.load(Acquire); // pairs with the Release store
                if !p.is_null() {
                    break p;
                }
                assert!(Instant::now() < deadline, "nobody published a config");
                thread::yield_now();
            };
            // SAFETY: `p` came from `Box::into_raw`, the Acquire load makes the
            // writes that built it visible, and nobody frees it until the scope ends.
            let config = unsafe { &*p };
            println!("reader: {} with {} workers", config.name, config.workers);
        });
    });
    // Take it back and free it: swap in null so nobody else can free it again.
    let p = CONFIG.swap(ptr::null_mut(), Acquire);
    // SAFETY: `p` came from `Box::into_raw`, and the swap made us its only owner.
    let config = unsafe { Box::from_raw(p) };
    assert_eq!(config.workers, 8);
}
// ANCHOR_END: main
