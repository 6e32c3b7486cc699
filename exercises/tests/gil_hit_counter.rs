//! Tests for the exercise `gil_hit_counter`.

use exercises::gil_hit_counter::{HitCounter, hammer};
use std::sync::Barrier;
use std::thread;

#[test]
fn counts_on_one_thread() {
    let counter = HitCounter::new();
    assert_eq!(counter.hits(), 0);
    for _ in 0..5 {
        counter.hit();
    }
    assert_eq!(counter.hits(), 5);
}

#[test]
fn can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<HitCounter>();
}

#[test]
#[cfg_attr(miri, ignore = "4 million hits: hours in an interpreter")]
fn loses_no_hit_under_contention() {
    // The threads start together and hit as fast as they can: a counter that
    // reads, then writes in a separate step, loses hits here.
    const THREADS: usize = 8;
    const HITS: u64 = 500_000;
    let counter = HitCounter::new();
    let start = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                start.wait();
                for _ in 0..HITS {
                    counter.hit();
                }
            });
        }
    });
    assert_eq!(counter.hits(), THREADS as u64 * HITS);
}

#[test]
#[cfg_attr(miri, ignore = "832 000 hits: too slow in an interpreter")]
fn hammer_counts_every_hit() {
    assert_eq!(hammer(1, 1000), 1000);
    assert_eq!(hammer(8, 100_000), 800_000);
    assert_eq!(hammer(32, 1000), 32_000);
}

#[test]
fn hammer_with_nothing_to_do() {
    assert_eq!(hammer(0, 1000), 0);
    assert_eq!(hammer(4, 0), 0);
}
