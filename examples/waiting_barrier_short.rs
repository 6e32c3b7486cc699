//! A `Barrier` whose count never fills blocks its threads for ever: it has no timeout.

use std::sync::Barrier;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let barrier = Barrier::new(4); // the bug: only 3 workers meet here
    let (passed, passes) = mpsc::channel();
    thread::scope(|s| {
        for id in 0..3 {
            let (barrier, passed) = (&barrier, passed.clone());
            s.spawn(move || {
                barrier.wait();
                passed.send(id).unwrap();
            });
        }
        // `Barrier::wait` takes no timeout, so watch from outside.
        let got = passes.recv_timeout(Duration::from_millis(200));
        println!(
            "after 200 ms: a worker got past the barrier: {}",
            got.is_ok()
        );

        // Be the missing fourth party, so that the workers can finish and
        // the scope can join them.
        barrier.wait();
        let second = Duration::from_secs(1);
        let mut ids: Vec<i32> = (0..3)
            .map(|_| passes.recv_timeout(second).unwrap())
            .collect();
        ids.sort();
        println!("main joined as the fourth: workers {ids:?} got past");
    });
}
// ANCHOR_END: main
