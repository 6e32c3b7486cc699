//! Tests for the exercise `coroutines_countdown`.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use exercises::coroutines_countdown::Countdown;

/// Polls `countdown` until it is ready, with a waker that does nothing.
/// Returns every poll result; gives up after 1000 polls.
fn poll_trace(countdown: Countdown) -> Vec<Poll<Vec<u32>>> {
    let mut countdown = pin!(countdown);
    let mut cx = Context::from_waker(Waker::noop());
    let mut trace = Vec::new();
    for _ in 0..1000 {
        let poll = countdown.as_mut().poll(&mut cx);
        let ready = poll.is_ready();
        trace.push(poll);
        if ready {
            break;
        }
    }
    trace
}

#[test]
fn from_three_pending_three_times_then_ready() {
    let expected = vec![
        Poll::Pending,
        Poll::Pending,
        Poll::Pending,
        Poll::Ready(vec![3, 2, 1]),
    ];
    assert_eq!(poll_trace(Countdown::new(3)), expected);
}

#[test]
fn from_zero_ready_at_once() {
    assert_eq!(poll_trace(Countdown::new(0)), vec![Poll::Ready(vec![])]);
}

#[test]
fn from_one() {
    assert_eq!(
        poll_trace(Countdown::new(1)),
        vec![Poll::Pending, Poll::Ready(vec![1])]
    );
}

#[test]
fn a_long_countdown() {
    let trace = poll_trace(Countdown::new(100));
    assert_eq!(trace.len(), 101);
    assert!(trace[..100].iter().all(Poll::is_pending));
    assert_eq!(trace[100], Poll::Ready((1..=100).rev().collect()));
}

#[test]
fn a_real_executor_finishes_it() {
    // Tokio polls a task again only after its waker is called: a countdown
    // that returns Pending without waking would wait forever. The timeout
    // turns that into a failure instead of a hang.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let counted = runtime
        .block_on(async { tokio::time::timeout(Duration::from_secs(5), Countdown::new(4)).await });
    assert_eq!(
        counted.expect("the countdown never woke its task: call wake_by_ref"),
        vec![4, 3, 2, 1]
    );
}

#[test]
fn awaited_inside_async_code() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let total = runtime.block_on(async {
        let both = async {
            let first = Countdown::new(2).await;
            let second = Countdown::new(3).await;
            first.len() + second.iter().sum::<u32>() as usize
        };
        tokio::time::timeout(Duration::from_secs(5), both).await
    });
    assert_eq!(total.expect("a countdown never woke its task"), 2 + 6);
}
