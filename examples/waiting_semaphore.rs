//! A counting semaphore from `Mutex<usize>` + `Condvar`, capping how many jobs run at once.

// Whether the peak reached 3 depends on the scheduler; it can never exceed 3.
// output: mask peak: \d

mod semaphore {
    // Chapter 23 model-checks this code with loom, which swaps in its own types.
    #[cfg(loom)]
    use loom_models::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    use std::sync::{Condvar, Mutex};

    // ANCHOR: semaphore
    /// A counting semaphore: at most `permits` holders at a time.
    pub struct Semaphore {
        free: Mutex<usize>, // permits not handed out
        released: Condvar,  // "a permit came back"
    }

    /// A permit; dropping it gives it back, even on an early return or a panic.
    pub struct Permit<'a>(&'a Semaphore);

    impl Semaphore {
        pub fn new(permits: usize) -> Self {
            Self {
                free: Mutex::new(permits),
                released: Condvar::new(),
            }
        }

        /// Blocks until a permit is free, then takes it.
        pub fn acquire(&self) -> Permit<'_> {
            let mut free = self.free.lock().unwrap();
            while *free == 0 {
                free = self.released.wait(free).unwrap();
            }
            *free -= 1;
            Permit(self)
        }

        fn release(&self) {
            *self.free.lock().unwrap() += 1;
            self.released.notify_one(); // one permit: one waiter can use it
        }
    }

    impl Drop for Permit<'_> {
        fn drop(&mut self) {
            self.0.release();
        }
    }
    // ANCHOR_END: semaphore
}

use semaphore::Semaphore;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let api = Semaphore::new(3); // the API allows 3 calls at a time
    let running = AtomicUsize::new(0);
    let peak = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..10 {
            s.spawn(|| {
                let _permit = api.acquire(); // held until the end of the closure
                // Relaxed: the semaphore's mutex orders a job's fetch_sub before
                // the fetch_add of the job that takes its permit next.
                let now = running.fetch_add(1, Ordering::Relaxed) + 1;
                peak.fetch_max(now, Ordering::Relaxed); // read after the scope joins
                thread::sleep(Duration::from_millis(20)); // "call the API"
                running.fetch_sub(1, Ordering::Relaxed);
            });
        }
    });
    let peak = peak.into_inner();
    assert!(peak <= 3, "{peak} jobs ran at once");
    println!("10 jobs done; never more than 3 at once: {}", peak <= 3);
    println!("peak: {peak} at once");
}
// ANCHOR_END: main

/// Run by `cargo xtask loom`: three threads share one permit; in every
/// interleaving loom tries, at most one holds it and nobody waits forever.
/// The counter is `Relaxed` on purpose: only the semaphore may order the holders.
#[cfg(all(loom, test))]
mod loom_model {
    use super::semaphore::Semaphore;
    use loom::sync::Arc;
    use loom::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use loom::thread;

    #[test]
    fn one_permit_one_holder() {
        loom::model(|| {
            let shared = Arc::new((Semaphore::new(1), AtomicUsize::new(0)));
            let job = move |shared: Arc<(Semaphore, AtomicUsize)>| {
                let _permit = shared.0.acquire();
                assert_eq!(shared.1.fetch_add(1, Relaxed), 0, "two holders at once");
                shared.1.fetch_sub(1, Relaxed);
            };
            let others: Vec<_> = (0..2)
                .map(|_| {
                    let shared = Arc::clone(&shared);
                    thread::spawn(move || job(shared))
                })
                .collect();
            job(shared);
            for other in others {
                other.join().unwrap();
            }
        });
    }
}
