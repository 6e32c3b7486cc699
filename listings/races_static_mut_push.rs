//! Does not compile in edition 2024: `unsafe` allows a `static mut`, not a reference to one.
use std::thread;

static mut LOG: Vec<u64> = Vec::new();

fn main() {
    thread::scope(|s| {
        for t in 0..2 {
            s.spawn(move || unsafe {
                LOG.push(t); // `push` takes `&mut LOG`: two threads, two `&mut`
            });
        }
    });
}
