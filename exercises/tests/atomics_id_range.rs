//! Tests for the exercise `atomics_id_range`.

use std::collections::HashSet;
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercises::atomics_id_range::IdRange;

#[test]
fn hands_out_the_range_in_order_then_none() {
    let ids = IdRange::new(10..13);
    assert_eq!(ids.remaining(), 3);
    assert_eq!(ids.next(), Some(10));
    assert_eq!(ids.next(), Some(11));
    assert_eq!(ids.remaining(), 1);
    assert_eq!(ids.next(), Some(12));
    assert_eq!(ids.remaining(), 0);
    for _ in 0..5 {
        assert_eq!(ids.next(), None);
        assert_eq!(ids.remaining(), 0);
    }
}

#[test]
fn empty_ranges_have_nothing() {
    let ids = IdRange::new(5..5);
    assert_eq!(ids.next(), None);
    assert_eq!(ids.take(1), None);
    assert_eq!(ids.remaining(), 0);
}

#[test]
fn never_wraps_at_the_top_of_u64() {
    let ids = IdRange::new(u64::MAX - 2..u64::MAX);
    assert_eq!(ids.next(), Some(u64::MAX - 2));
    assert_eq!(ids.next(), Some(u64::MAX - 1));
    for _ in 0..10 {
        assert_eq!(ids.next(), None, "an exhausted range must stay exhausted");
    }
    assert_eq!(ids.take(1), None);
    assert_eq!(ids.remaining(), 0);
}

#[test]
fn take_is_all_or_nothing() {
    let ids = IdRange::new(0..10);
    assert_eq!(ids.take(0), None);
    assert_eq!(ids.take(8), Some(0..8));
    assert_eq!(ids.take(5), None, "only 2 IDs are left");
    assert_eq!(ids.remaining(), 2, "a failed take must not use up IDs");
    assert_eq!(ids.take(2), Some(8..10));
    assert_eq!(ids.next(), None);
}

#[test]
fn take_then_next_continue_where_the_other_stopped() {
    let ids = IdRange::new(100..200);
    assert_eq!(ids.next(), Some(100));
    assert_eq!(ids.take(3), Some(101..104));
    assert_eq!(ids.next(), Some(104));
    assert_eq!(ids.remaining(), 95);
}

#[test]
#[cfg_attr(miri, ignore = "too many ids for an interpreter")]
fn threads_share_the_range_without_duplicates_or_losses() {
    const THREADS: usize = 8;
    let ids = Arc::new(IdRange::new(1_000..21_000));
    let barrier = Arc::new(Barrier::new(THREADS));
    let (tx, rx) = mpsc::channel();
    for t in 0..THREADS {
        let (ids, barrier, tx) = (Arc::clone(&ids), Arc::clone(&barrier), tx.clone());
        thread::spawn(move || {
            barrier.wait(); // start together, to make them collide
            let mut mine = Vec::new();
            loop {
                if t % 2 == 0 {
                    match ids.next() {
                        Some(id) => mine.push(id),
                        None => break,
                    }
                } else if let Some(block) = ids.take(7) {
                    mine.extend(block);
                } else if let Some(id) = ids.next() {
                    mine.push(id);
                } else {
                    break;
                }
            }
            tx.send(mine).unwrap();
        });
    }
    let mut all = Vec::new();
    for _ in 0..THREADS {
        let mine = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a thread did not finish within 10 seconds");
        all.extend(mine);
    }
    let distinct: HashSet<u64> = all.iter().copied().collect();
    assert_eq!(distinct.len(), all.len(), "some ID was handed out twice");
    assert_eq!(
        distinct,
        (1_000..21_000).collect(),
        "IDs lost or out of range"
    );
    assert_eq!(ids.remaining(), 0);
}
