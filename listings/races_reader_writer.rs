//! Does not compile: one thread writes `log` while another reads it.
use std::thread;

fn main() {
    let mut log = Vec::new();
    thread::scope(|s| {
        s.spawn(|| {
            for i in 0..1000 {
                log.push(i); // writes: may reallocate the buffer
            }
        });
        println!("entries so far: {}", log.len()); // reads, at the same time
    });
}
