//! A word count shared by threads: `Arc` shares the map, `Mutex` guards it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: main
fn main() {
    let lines = ["the gil is a lock", "rust has no gil", "a lock is a lock"];
    let counts: Arc<Mutex<HashMap<&str, u64>>> = Arc::default();

    let handles: Vec<_> = lines
        .into_iter()
        .map(|line| {
            let counts = Arc::clone(&counts); // one owner more, counted atomically
            thread::spawn(move || {
                for word in line.split(' ') {
                    // Look up, add, store: under the lock, no other thread can step in.
                    *counts.lock().unwrap().entry(word).or_default() += 1;
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }

    let counts = counts.lock().unwrap();
    let mut words: Vec<_> = counts.iter().collect();
    words.sort();
    println!("{words:?}");
    assert_eq!(counts["lock"], 3);
    let words_in_lines = lines.iter().map(|l| l.split(' ').count() as u64).sum();
    assert_eq!(counts.values().sum::<u64>(), words_in_lines);
}
// ANCHOR_END: main
