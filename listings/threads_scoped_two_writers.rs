//! Does not compile: two scoped threads may not both borrow `hits` mutably.
use std::thread;

fn main() {
    let mut hits = 0;
    thread::scope(|s| {
        s.spawn(|| hits += 1);
        s.spawn(|| hits += 1);
    });
    println!("{hits}");
}
