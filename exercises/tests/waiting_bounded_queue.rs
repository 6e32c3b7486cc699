//! Tests for the exercise `waiting_bounded_queue`. Every test that could block
//! runs under a watchdog, so a wrong attempt fails instead of hanging.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use exercises::waiting_bounded_queue::BoundedQueue;

/// Runs `test` on its own thread and fails if it has not finished in `secs`.
fn within<T: Send + 'static>(secs: u64, test: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || tx.send(test()).unwrap());
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("still blocked after {secs} s: a lost wake-up?")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the test thread panicked"),
    }
}

#[test]
fn first_in_first_out() {
    within(5, || {
        let q = BoundedQueue::new(3);
        q.push('a');
        q.push('b');
        q.push('c');
        assert_eq!(q.len(), 3);
        assert_eq!((q.pop(), q.pop(), q.pop()), ('a', 'b', 'c'));
        assert!(q.is_empty());
    });
}

#[test]
#[should_panic]
fn zero_capacity_is_rejected() {
    let _ = BoundedQueue::<u8>::new(0);
}

#[test]
fn pop_timeout_on_an_empty_queue_gives_none_after_the_timeout() {
    within(5, || {
        let q = BoundedQueue::<u8>::new(1);
        let start = Instant::now();
        assert_eq!(q.pop_timeout(Duration::from_millis(100)), None);
        assert!(
            start.elapsed() >= Duration::from_millis(100),
            "returned too early"
        );
    });
}

#[test]
fn pop_waits_for_a_later_push() {
    within(5, || {
        let q = Arc::new(BoundedQueue::new(1));
        let producer = {
            let q = Arc::clone(&q);
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(50));
                q.push(42);
            })
        };
        assert_eq!(q.pop_timeout(Duration::from_secs(3)), Some(42));
        producer.join().unwrap();
    });
}

#[test]
fn pop_timeout_wakes_a_blocked_producer() {
    within(5, || {
        let q = Arc::new(BoundedQueue::new(1));
        q.push(1);
        let producer = {
            let q = Arc::clone(&q);
            thread::spawn(move || q.push(2)) // must wait: the queue is full
        };
        thread::sleep(Duration::from_millis(50)); // let it block in `push`
        assert_eq!(q.pop_timeout(Duration::from_secs(1)), Some(1));
        producer.join().unwrap(); // still blocked if `pop_timeout` did not notify
        assert_eq!(q.pop_timeout(Duration::from_secs(1)), Some(2));
    });
}

#[test]
fn push_blocks_while_full() {
    within(5, || {
        let q = Arc::new(BoundedQueue::new(2));
        q.push(1);
        q.push(2);
        let pushed = Arc::new(AtomicBool::new(false));
        let producer = {
            let (q, pushed) = (Arc::clone(&q), Arc::clone(&pushed));
            thread::spawn(move || {
                q.push(3); // must wait: the queue is full
                // Relaxed: the flag publishes nothing. The join orders it
                // before the last check, and no ordering could make the first
                // check see it sooner.
                pushed.store(true, Ordering::Relaxed);
            })
        };
        thread::sleep(Duration::from_millis(100));
        assert!(
            !pushed.load(Ordering::Relaxed),
            "push did not wait while full"
        );
        assert_eq!(q.len(), 2, "the queue went over its capacity");
        assert_eq!(q.pop(), 1); // frees a slot: the producer may go on
        producer.join().unwrap();
        assert!(pushed.load(Ordering::Relaxed));
        assert_eq!((q.pop(), q.pop()), (2, 3));
    });
}

#[test]
fn many_producers_and_consumers_lose_and_duplicate_nothing() {
    const PRODUCERS: u32 = 4;
    const CONSUMERS: u32 = 4;
    // Miri interprets every push and pop: a tenth of the items checks the same code.
    const EACH: u32 = if cfg!(miri) { 50 } else { 500 };
    const CAPACITY: usize = 3;
    let got = within(20, || {
        let q = Arc::new(BoundedQueue::new(CAPACITY));
        let producers: Vec<_> = (0..PRODUCERS)
            .map(|p| {
                let q = Arc::clone(&q);
                thread::spawn(move || (0..EACH).for_each(|i| q.push(p * EACH + i)))
            })
            .collect();
        let consumers: Vec<_> = (0..CONSUMERS)
            .map(|_| {
                let q = Arc::clone(&q);
                thread::spawn(move || {
                    let mut mine = Vec::new();
                    for _ in 0..PRODUCERS * EACH / CONSUMERS {
                        assert!(q.len() <= CAPACITY, "the queue went over its capacity");
                        mine.push(q.pop());
                    }
                    mine
                })
            })
            .collect();
        producers.into_iter().for_each(|p| p.join().unwrap());
        let got: Vec<u32> = consumers
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect();
        assert!(q.is_empty());
        got
    });
    assert_eq!(
        got.len(),
        (PRODUCERS * EACH) as usize,
        "items lost or duplicated"
    );
    let distinct: HashSet<u32> = got.iter().copied().collect();
    assert_eq!(
        distinct,
        (0..PRODUCERS * EACH).collect(),
        "items lost or duplicated"
    );
}

#[test]
fn each_producer_keeps_its_order() {
    // Miri interprets every push and pop: fewer items check the same code.
    const ITEMS: i32 = if cfg!(miri) { 50 } else { 200 };
    let got = within(10, || {
        let q = Arc::new(BoundedQueue::new(2));
        let producer = {
            let q = Arc::clone(&q);
            thread::spawn(move || (0..ITEMS).for_each(|i| q.push(i)))
        };
        let got: Vec<i32> = (0..ITEMS).map(|_| q.pop()).collect();
        producer.join().unwrap();
        got
    });
    assert_eq!(got, (0..ITEMS).collect::<Vec<_>>());
}
