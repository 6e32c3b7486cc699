//! Does not compile: every use of a `static mut` needs `unsafe`.
use std::thread;

static mut HITS: u64 = 0;

fn main() {
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..1000 {
                    HITS += 1;
                }
            });
        }
    });
}
