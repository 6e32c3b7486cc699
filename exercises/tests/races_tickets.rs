//! Tests for the exercise `races_tickets`.

use exercises::races_tickets::TicketDispenser;
use std::sync::Barrier;
use std::thread;

#[test]
fn issues_each_ticket_once_then_none() {
    let d = TicketDispenser::new(3);
    assert_eq!(d.remaining(), 3);
    assert_eq!(d.take(), Some(0));
    assert_eq!(d.take(), Some(1));
    assert_eq!(d.remaining(), 1);
    assert_eq!(d.take(), Some(2));
    assert_eq!(d.take(), None);
    assert_eq!(d.take(), None);
    assert_eq!(d.remaining(), 0);
}

#[test]
fn an_empty_dispenser_issues_nothing() {
    let d = TicketDispenser::new(0);
    assert_eq!(d.take(), None);
    assert_eq!(d.take_block(1), None);
    assert_eq!(d.remaining(), 0);
}

#[test]
fn a_block_is_all_or_nothing() {
    let d = TicketDispenser::new(10);
    assert_eq!(d.take_block(4), Some(0..4));
    assert_eq!(d.take_block(7), None, "only 6 tickets are left");
    assert_eq!(d.remaining(), 6, "a failed request must not use up tickets");
    assert_eq!(d.take_block(0), None);
    assert_eq!(d.take_block(u64::MAX), None);
    assert_eq!(d.take_block(6), Some(4..10));
    assert_eq!(d.take(), None);
    assert_eq!(d.take_block(1), None);
}

#[test]
fn can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<TicketDispenser>();
}

const THREADS: usize = 8;

/// Every thread takes tickets (in blocks of `block(thread)`, then one at a
/// time) until the dispenser is empty; returns every ticket issued, sorted.
fn drain(d: &TicketDispenser, limit: u64, block: fn(usize) -> u64) -> Vec<u64> {
    let start = Barrier::new(THREADS);
    let mut all: Vec<u64> = thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let start = &start;
                s.spawn(move || {
                    let mut mine = Vec::new();
                    start.wait();
                    // Bounded: a dispenser that never says `None` fails, not hangs.
                    while let Some(r) = d.take_block(block(t)) {
                        mine.extend(r);
                        assert!(mine.len() as u64 <= limit, "more tickets than exist");
                    }
                    while let Some(ticket) = d.take() {
                        mine.push(ticket);
                        assert!(mine.len() as u64 <= limit, "more tickets than exist");
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    all.sort_unstable();
    all
}

/// Rounds of each concurrent test: one round may happen to run its threads
/// one after another, but not all of them.
const ROUNDS: usize = 20;

#[test]
#[cfg_attr(miri, ignore = "2 million tickets: hours in an interpreter")]
fn threads_get_every_ticket_exactly_once() {
    // The threads start together and take as fast as they can: a dispenser
    // that loads, then stores in a separate step, issues duplicates here.
    const LIMIT: u64 = 100_000;
    let expected: Vec<u64> = (0..LIMIT).collect();
    for round in 1..=ROUNDS {
        let d = TicketDispenser::new(LIMIT);
        let all = drain(&d, LIMIT, |_| 1);
        assert!(
            all == expected,
            "round {round}: a ticket was issued twice, or never"
        );
        assert_eq!(d.remaining(), 0);
    }
}

#[test]
#[cfg_attr(miri, ignore = "a million tickets: hours in an interpreter")]
fn threads_taking_blocks_get_every_ticket_exactly_once() {
    const LIMIT: u64 = 50_003;
    let expected: Vec<u64> = (0..LIMIT).collect();
    for round in 1..=ROUNDS {
        let d = TicketDispenser::new(LIMIT);
        let all = drain(&d, LIMIT, |t| t as u64 % 5 + 1);
        assert!(
            all == expected,
            "round {round}: a ticket was issued twice, or never"
        );
        assert_eq!(d.take(), None);
    }
}
