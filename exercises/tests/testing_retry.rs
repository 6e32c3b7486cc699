//! Tests for the exercise `testing_retry`. They run on tokio's paused clock:
//! the sleeps take no real time, and the virtual time that passed is exact,
//! so the tests can check the backoff to the millisecond. Every call is
//! bounded by a (virtual) hour, so an attempt that never ends fails.

use std::cell::RefCell;
use std::time::Duration;

use exercises::testing_retry::retry;
use tokio::time::{Instant, timeout};

const MS: Duration = Duration::from_millis(1);

/// Runs `retry` with an operation that fails until attempt `succeed_at`
/// (never, if it is `None`); returns the result, the attempts' numbers and
/// the virtual time that passed.
async fn run(attempts: u32, succeed_at: Option<u32>) -> (Result<u32, String>, Vec<u32>, Duration) {
    let seen = RefCell::new(Vec::new());
    let start = Instant::now();
    let op = |n: u32| {
        seen.borrow_mut().push(n);
        async move {
            match succeed_at {
                Some(k) if n >= k => Ok(n * 10),
                _ => Err(format!("attempt {n} failed")),
            }
        }
    };
    let result = timeout(Duration::from_secs(3600), retry(attempts, 100 * MS, op))
        .await
        .expect("retry still running after an hour of virtual time");
    (result, seen.into_inner(), start.elapsed())
}

#[tokio::test(start_paused = true)]
async fn success_at_once_waits_not_at_all() {
    let (result, seen, waited) = run(5, Some(1)).await;
    assert_eq!(result, Ok(10));
    assert_eq!(seen, [1]);
    assert_eq!(waited, Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn backs_off_100_then_200_ms() {
    let (result, seen, waited) = run(5, Some(3)).await;
    assert_eq!(result, Ok(30));
    assert_eq!(seen, [1, 2, 3]);
    assert_eq!(waited, 300 * MS);
}

#[tokio::test(start_paused = true)]
async fn gives_up_with_the_last_error_and_no_final_wait() {
    let (result, seen, waited) = run(4, None).await;
    assert_eq!(result, Err("attempt 4 failed".to_owned()));
    assert_eq!(seen, [1, 2, 3, 4]);
    assert_eq!(waited, (100 + 200 + 400) * MS);
}

#[tokio::test(start_paused = true)]
async fn one_attempt_means_no_retry() {
    let (result, seen, waited) = run(1, None).await;
    assert_eq!(result, Err("attempt 1 failed".to_owned()));
    assert_eq!(seen, [1]);
    assert_eq!(waited, Duration::ZERO);
}

#[tokio::test(start_paused = true)]
#[should_panic(expected = "at least one attempt")]
async fn zero_attempts_panics() {
    let _ = run(0, Some(1)).await;
}
