//! A `Condvar` and a `Mutex` together: wait, without spinning, until a predicate holds.

use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

// ANCHOR: main
/// The state the waiter cares about, and the condition variable that
/// announces changes to it. They travel together.
struct Config {
    loaded: Mutex<Option<String>>,
    changed: Condvar,
}

fn main() {
    let config = Config {
        loaded: Mutex::new(None),
        changed: Condvar::new(),
    };
    thread::scope(|s| {
        s.spawn(|| {
            thread::sleep(Duration::from_millis(50)); // "reading the file"
            let mut loaded = config.loaded.lock().unwrap();
            *loaded = Some("workers = 4".to_string()); // 1. change the state
            println!("loader: config stored, notifying");
            config.changed.notify_one(); // 2. then announce it
        }); // 3. the guard drops here, releasing the mutex

        let mut loaded = config.loaded.lock().unwrap();
        while loaded.is_none() {
            // Releases the mutex while asleep, takes it back before returning.
            loaded = config.changed.wait(loaded).unwrap();
        }
        println!("main: config is {:?}", loaded.as_deref().unwrap());
    });
}
// ANCHOR_END: main
