//! Does not compile: an `Arc` gives only shared access, so it cannot change its value.
use std::sync::Arc;
use std::thread;

fn main() {
    let hits = Arc::new(Vec::new());
    let shared = Arc::clone(&hits);
    thread::spawn(move || shared.push(1)).join().unwrap();
    println!("{hits:?}");
}
