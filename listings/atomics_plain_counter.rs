//! Does not compile: a plain integer cannot be changed through a shared reference.
use std::thread;

fn record_hit(hits: &u64) {
    *hits += 1; // read, add, write through a shared reference
}

fn main() {
    let hits: u64 = 0;
    thread::scope(|s| {
        s.spawn(|| record_hit(&hits));
        s.spawn(|| record_hit(&hits));
    });
    println!("{hits}");
}
