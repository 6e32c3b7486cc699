//! Tests for the exercise `futures_join`.

use std::cell::RefCell;
use std::future::Future;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use exercises::futures_join::join;

/// Returns `Pending` `pending` times (waking itself each time), then `Ready(output)`;
/// logs `name` on every poll. Polling it again after `Ready` panics.
struct Step {
    name: &'static str,
    pending: u32,
    output: Option<u32>,
    log: Rc<RefCell<Vec<&'static str>>>,
}

impl Future for Step {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.log.borrow_mut().push(self.name);
        if self.pending > 0 {
            self.pending -= 1;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(self.output.take().expect("polled again after Ready"))
    }
}

fn step(
    name: &'static str,
    pending: u32,
    output: u32,
    log: &Rc<RefCell<Vec<&'static str>>>,
) -> Step {
    let log = Rc::clone(log);
    Step {
        name,
        pending,
        output: Some(output),
        log,
    }
}

/// Polls `future` with a no-op waker until it is ready; returns the output and the number of polls.
fn run<F: Future>(future: F) -> (F::Output, u32) {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for polls in 1..=1000 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return (output, polls);
        }
    }
    panic!("not ready after 1000 polls");
}

#[test]
fn both_ready_at_once() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let (output, polls) = run(join(step("a", 0, 1, &log), step("b", 0, 2, &log)));
    assert_eq!((output, polls), ((1, 2), 1));
    assert_eq!(*log.borrow(), ["a", "b"]);
}

#[test]
fn both_make_progress_on_every_poll() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let (output, polls) = run(join(step("a", 2, 10, &log), step("b", 1, 20, &log)));
    assert_eq!(output, (10, 20));
    assert_eq!(
        polls, 3,
        "join is ready on the poll where the slower input is"
    );
    // b finished on the second poll and is never polled again.
    assert_eq!(*log.borrow(), ["a", "b", "a", "b", "a"]);
}

#[test]
fn outputs_keep_their_order_when_b_finishes_first() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let (output, _) = run(join(step("a", 3, 1, &log), step("b", 0, 2, &log)));
    assert_eq!(output, (1, 2));
    assert_eq!(*log.borrow(), ["a", "b", "a", "a", "a"]);
}

#[test]
fn joins_async_blocks_of_different_types() {
    let (output, _) = run(join(async { "text" }, async { vec![1, 2, 3] }));
    assert_eq!(output, ("text", vec![1, 2, 3]));
}

#[tokio::test(start_paused = true)]
async fn runs_both_concurrently_under_a_real_runtime() {
    // Tokio polls again only when woken, so join must pass its context on.
    let start = tokio::time::Instant::now();
    let a = async {
        tokio::time::sleep(Duration::from_secs(3)).await;
        'a'
    };
    let b = async {
        tokio::time::sleep(Duration::from_secs(2)).await;
        'b'
    };
    let output = tokio::time::timeout(Duration::from_secs(10), join(a, b)).await;
    assert_eq!(
        output.expect("join never finished: is cx passed to both?"),
        ('a', 'b')
    );
    // Concurrent: the paused clock moved 3 s (the longer sleep), not 3 + 2.
    assert_eq!(start.elapsed().as_secs(), 3);
}
