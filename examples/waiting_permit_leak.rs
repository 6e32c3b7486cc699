//! A permit that is never given back: an early return skips `release`.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A semaphore with a manual `release`, the shape that leaks.
struct Semaphore {
    free: Mutex<usize>,
    released: Condvar,
}

impl Semaphore {
    /// Takes a permit, or gives up after `limit`; returns whether it got one.
    fn acquire_timeout(&self, limit: Duration) -> bool {
        let free = self.free.lock().unwrap();
        let (mut free, res) = self
            .released
            .wait_timeout_while(free, limit, |n| *n == 0)
            .unwrap();
        if res.timed_out() {
            return false;
        }
        *free -= 1;
        true
    }

    fn release(&self) {
        *self.free.lock().unwrap() += 1;
        self.released.notify_one();
    }
}

// ANCHOR: main
fn job(sem: &Semaphore, input: &str) -> Result<u32, String> {
    assert!(sem.acquire_timeout(Duration::from_millis(100)), "no permit");
    let n = input.parse::<u32>().map_err(|e| e.to_string())?; // leaks on error
    sem.release();
    Ok(n)
}

fn main() {
    let sem = Semaphore {
        free: Mutex::new(2),
        released: Condvar::new(),
    };
    for input in ["7", "x", "y"] {
        println!("job({input:?}) = {:?}", job(&sem, input));
    }
    // Two failed jobs took both permits with them.
    let got = sem.acquire_timeout(Duration::from_millis(100));
    println!("a fourth job gets a permit: {got}");
}
// ANCHOR_END: main
