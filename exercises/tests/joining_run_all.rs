//! Tests for the exercise `joining_run_all`.

use exercises::joining_run_all::run_all;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

type Job = std::pin::Pin<Box<dyn Future<Output = Result<u64, String>> + Send>>;

fn job(ms: u64, outcome: Result<u64, &'static str>, finished: &Arc<AtomicUsize>) -> Job {
    let finished = finished.clone();
    Box::pin(async move {
        sleep(Duration::from_millis(ms)).await;
        // Relaxed: the count publishes no other data, and #[tokio::test] runs
        // every task on one thread, so program order puts each increment
        // before the loads that follow it.
        finished.fetch_add(1, Ordering::Relaxed);
        outcome.map_err(str::to_string)
    })
}

const LIMIT: Duration = Duration::from_secs(60);

#[tokio::test(start_paused = true)]
async fn all_ok_in_input_order_and_concurrent() {
    let finished = Arc::new(AtomicUsize::new(0));
    let jobs: Vec<Job> = (0..5)
        .map(|i| job(500 - 100 * i, Ok(i), &finished))
        .collect();
    let start = Instant::now();
    let result = timeout(LIMIT, run_all(jobs)).await.unwrap();
    assert_eq!(result, Ok(vec![0, 1, 2, 3, 4]));
    assert!(
        start.elapsed() < Duration::from_millis(600),
        "took {:?}: the jobs did not run at the same time",
        start.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn the_first_error_cancels_the_rest() {
    let finished = Arc::new(AtomicUsize::new(0));
    let jobs = vec![
        job(1000, Ok(1), &finished),
        job(100, Err("broken"), &finished),
        job(5000, Ok(3), &finished),
    ];
    let start = Instant::now();
    let result = timeout(LIMIT, run_all(jobs)).await.unwrap();
    assert_eq!(result, Err(vec!["broken".to_string()]));
    assert!(
        start.elapsed() < Duration::from_millis(1000),
        "took {:?}: run_all waited for tasks it should have aborted",
        start.elapsed()
    );
    sleep(Duration::from_secs(10)).await;
    assert_eq!(
        finished.load(Ordering::Relaxed),
        1,
        "only the failing job may finish: the others must be aborted"
    );
}

#[tokio::test(start_paused = true)]
async fn every_error_is_collected() {
    let finished = Arc::new(AtomicUsize::new(0));
    let jobs = vec![
        job(100, Err("first"), &finished),
        job(100, Err("second"), &finished),
        job(100, Err("third"), &finished),
        job(900, Ok(4), &finished),
    ];
    let result = timeout(LIMIT, run_all(jobs)).await.unwrap();
    let mut errors = result.expect_err("three jobs failed");
    errors.sort();
    assert_eq!(errors, ["first", "second", "third"]);
}

#[tokio::test(start_paused = true)]
async fn no_jobs_is_success() {
    let result = timeout(LIMIT, run_all(Vec::<Job>::new())).await.unwrap();
    assert_eq!(result, Ok(vec![]));
}

#[tokio::test(start_paused = true)]
#[should_panic(expected = "job exploded")]
async fn a_panic_propagates() {
    let finished = Arc::new(AtomicUsize::new(0));
    let jobs: Vec<Job> = vec![
        job(100, Ok(1), &finished),
        Box::pin(async {
            sleep(Duration::from_millis(50)).await;
            panic!("job exploded")
        }),
        job(5000, Ok(3), &finished),
    ];
    let _ = timeout(LIMIT, run_all(jobs)).await;
}
