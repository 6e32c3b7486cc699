//! An `RwLock` lets many readers in at once, or one writer alone.

use std::sync::{Barrier, RwLock, TryLockError};
use std::thread;

// ANCHOR: main
fn describe<T>(attempt: Result<T, TryLockError<T>>) -> &'static str {
    match attempt {
        Ok(_) => "Ok",
        Err(TryLockError::WouldBlock) => "WouldBlock",
        Err(TryLockError::Poisoned(_)) => "Poisoned",
    }
}

fn main() {
    let config = RwLock::new(String::from("mode=fast"));
    let all_reading = Barrier::new(3); // two readers and main

    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let text = config.read().unwrap(); // shared: both readers get in
                all_reading.wait(); // both read guards are alive here
                all_reading.wait(); // wait while main looks at the lock
                assert_eq!(*text, "mode=fast");
            });
        }
        all_reading.wait();
        println!(
            "two readers inside; try_read:  {}",
            describe(config.try_read())
        );
        println!(
            "two readers inside; try_write: {}",
            describe(config.try_write())
        );
        all_reading.wait();
    });

    let mut text = config.write().unwrap(); // exclusive: no reader, no other writer
    text.replace_range(5.., "safe");
    println!(
        "writer inside; try_read:       {}",
        describe(config.try_read())
    );
    drop(text);
    println!("after the write: {}", config.read().unwrap());
}
// ANCHOR_END: main
