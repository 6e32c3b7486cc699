//! Tests for the exercise `joining_gather`.

use exercises::joining_gather::gather;
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

#[tokio::test(start_paused = true)]
async fn results_in_input_order_with_errors() {
    let finished = Arc::new(AtomicUsize::new(0));
    let jobs = vec![
        job(300, Ok(1), &finished),
        job(100, Err("two failed"), &finished),
        job(200, Ok(3), &finished),
        job(10, Err("four failed"), &finished),
    ];
    let results = timeout(Duration::from_secs(10), gather(jobs))
        .await
        .unwrap();
    assert_eq!(
        results,
        vec![
            Ok(1),
            Err("two failed".to_string()),
            Ok(3),
            Err("four failed".to_string())
        ]
    );
    assert_eq!(
        finished.load(Ordering::Relaxed),
        4,
        "an error must not cancel the others"
    );
}

#[tokio::test(start_paused = true)]
async fn runs_all_at_the_same_time() {
    let finished = Arc::new(AtomicUsize::new(0));
    let jobs: Vec<Job> = (0..10).map(|i| job(100 + i, Ok(i), &finished)).collect();
    let start = Instant::now();
    let results = timeout(Duration::from_secs(10), gather(jobs))
        .await
        .unwrap();
    assert_eq!(results, (0..10).map(Ok).collect::<Vec<_>>());
    // The paused clock makes this exact: concurrent jobs take as long as the slowest.
    assert!(
        start.elapsed() < Duration::from_millis(200),
        "took {:?}: the jobs ran one after another",
        start.elapsed()
    );
}

#[tokio::test]
async fn runs_as_separate_tasks() {
    // The first job waits for the second to send: it only finishes if both
    // are polled while the first is still pending.
    let (tx, rx) = tokio::sync::oneshot::channel::<u64>();
    let jobs: Vec<Job> = vec![
        Box::pin(async move { rx.await.map_err(|e| e.to_string()) }),
        Box::pin(async move {
            tx.send(7).unwrap();
            Ok(8)
        }),
    ];
    let results = timeout(Duration::from_secs(10), gather(jobs))
        .await
        .unwrap();
    assert_eq!(results, vec![Ok(7), Ok(8)]);
}

#[tokio::test(start_paused = true)]
async fn a_panic_becomes_an_error() {
    let finished = Arc::new(AtomicUsize::new(0));
    let jobs: Vec<Job> = vec![
        job(50, Ok(1), &finished),
        Box::pin(async { panic!("boom") }),
        job(100, Ok(3), &finished),
    ];
    let results = timeout(Duration::from_secs(10), gather(jobs))
        .await
        .unwrap();
    assert_eq!(results, vec![Ok(1), Err("panicked".to_string()), Ok(3)]);
}

#[tokio::test]
async fn no_futures_no_results() {
    let results = gather(Vec::<Job>::new()).await;
    assert!(results.is_empty());
}
