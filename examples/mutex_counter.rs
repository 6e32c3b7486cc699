//! A `Mutex<T>` owns its data: the only way to the data is through the lock.

use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: main
fn main() {
    let log: Arc<Mutex<Vec<(usize, u32)>>> = Arc::new(Mutex::new(Vec::new()));

    let handles: Vec<_> = (0..4)
        .map(|id| {
            let log = Arc::clone(&log);
            thread::spawn(move || {
                for n in 0..250 {
                    let mut entries = log.lock().unwrap(); // blocks until no one else holds it
                    entries.push((id, n)); // a MutexGuard derefs to the Vec
                } // `entries` is dropped here: the mutex is unlocked
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }

    // The last owner takes the Vec out of the Arc, then out of the Mutex.
    let entries = Arc::into_inner(log).unwrap().into_inner().unwrap();
    println!("entries: {}", entries.len());
    for id in 0..4 {
        let mine: Vec<u32> = entries.iter().filter(|e| e.0 == id).map(|e| e.1).collect();
        assert_eq!(mine, (0..250).collect::<Vec<u32>>());
    }
    println!("every thread's entries are all there, in its own order");
}
// ANCHOR_END: main
