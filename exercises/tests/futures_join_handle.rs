//! Tests for the exercise `futures_join_handle`.

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use exercises::futures_join_handle::EventLoop;

/// Pending once (after waking itself), then Ready.
#[derive(Default)]
struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// Polls a future once with a no-op waker.
fn poll_once<F: Future>(future: F) -> Poll<F::Output> {
    pin!(future).poll(&mut Context::from_waker(Waker::noop()))
}

/// Runs the event loop on another thread, so that a hang fails the test.
fn run_bounded(mut event_loop: EventLoop) -> usize {
    let (done, result) = std::sync::mpsc::channel();
    thread::spawn(move || done.send(event_loop.run()));
    result
        .recv_timeout(Duration::from_secs(10))
        .expect("the event loop did not finish (or panicked)")
}

#[test]
fn the_handle_holds_the_output_after_run() {
    let mut event_loop = EventLoop::new();
    let handle = event_loop.spawn(async { String::from("forty-two") });
    assert_eq!(run_bounded(event_loop), 1);
    assert_eq!(poll_once(handle), Poll::Ready(String::from("forty-two")));
}

#[test]
fn a_handle_is_pending_before_the_task_runs() {
    let mut event_loop = EventLoop::new();
    let mut handle = event_loop.spawn(async { 7 });
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(Pin::new(&mut handle).poll(&mut cx), Poll::Pending);
    run_bounded(event_loop);
    assert_eq!(Pin::new(&mut handle).poll(&mut cx), Poll::Ready(7));
}

#[test]
fn a_task_awaits_another_that_is_still_running() {
    let mut event_loop = EventLoop::new();
    let slow = event_loop.spawn(async {
        for _ in 0..3 {
            YieldNow::default().await;
        }
        vec![1, 2, 3]
    });
    // Polled before `slow` has finished: it must be woken when `slow` ends.
    let sum = event_loop.spawn(async move { slow.await.iter().sum::<i32>() + 1 });
    run_bounded(event_loop);
    assert_eq!(poll_once(sum), Poll::Ready(7));
}

#[test]
fn a_chain_of_handles() {
    let mut event_loop = EventLoop::new();
    let mut previous = event_loop.spawn(async { 0u32 });
    for _ in 0..20 {
        previous = event_loop.spawn(async move {
            YieldNow::default().await;
            previous.await + 1
        });
    }
    run_bounded(event_loop);
    assert_eq!(poll_once(previous), Poll::Ready(20));
}

#[test]
fn dropping_the_handle_does_not_cancel_the_task() {
    let ran = Arc::new(AtomicU32::new(0));
    let mut event_loop = EventLoop::new();
    let counter = Arc::clone(&ran);
    drop(event_loop.spawn(async move {
        YieldNow::default().await;
        counter.fetch_add(1, Ordering::Relaxed);
    }));
    // Relaxed: `run_bounded` receives the loop's result over a channel, which
    // makes the task's increment visible here.
    run_bounded(event_loop);
    assert_eq!(ran.load(Ordering::Relaxed), 1);
}
