//! Does not compile: a `Cell` may not be shared between threads.
use std::cell::Cell;
use std::thread;

fn main() {
    let hits = Cell::new(0_u64);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..1000 {
                    hits.set(hits.get() + 1); // read, add, write: like `hits += 1`
                }
            });
        }
    });
    println!("{}", hits.get());
}
