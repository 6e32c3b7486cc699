//! Tests for the exercise `coordination_capped`. They run on tokio's paused
//! clock, under a timeout, so a runner that never finishes fails at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::{sleep, timeout};

use exercises::coordination_capped::run_capped;

/// A job as `run_capped` takes it: a closure that makes a future.
type Job = Box<dyn FnOnce() -> std::pin::Pin<Box<dyn Future<Output = u8> + Send>> + Send>;

/// Runs `n` jobs through `run_capped` with `cap`; each sleeps `ms` (job `i`
/// sleeps longer when `i` is even) and returns `i * 10`. Returns the results
/// and the most jobs that were running at once.
async fn run(n: usize, cap: usize, ms: u64) -> (Vec<usize>, usize) {
    // Relaxed: the counts publish no other data, a read-modify-write never
    // loses one, and each test's current_thread runtime runs every task on
    // one thread.
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let jobs: Vec<_> = (0..n)
        .map(|i| {
            let (running, peak) = (Arc::clone(&running), Arc::clone(&peak));
            move || async move {
                let now = running.fetch_add(1, Ordering::Relaxed) + 1;
                peak.fetch_max(now, Ordering::Relaxed);
                sleep(Duration::from_millis(if i % 2 == 0 { 3 * ms } else { ms })).await;
                running.fetch_sub(1, Ordering::Relaxed);
                i * 10
            }
        })
        .collect();
    let results = timeout(Duration::from_secs(3600), run_capped(jobs, cap))
        .await
        .expect("run_capped did not finish");
    (results, peak.load(Ordering::Relaxed))
}

#[tokio::test(start_paused = true)]
async fn hundred_jobs_two_at_a_time() {
    // Miri interprets every poll: fewer jobs check the same code.
    let n = if cfg!(miri) { 8 } else { 100 };
    let (results, peak) = run(n, 2, 10).await;
    assert_eq!(results, (0..n).map(|i| i * 10).collect::<Vec<_>>());
    assert_eq!(peak, 2, "the cap is 2, and 100 jobs can keep 2 slots busy");
}

#[tokio::test(start_paused = true)]
async fn never_more_than_the_cap() {
    // Miri interprets every poll: fewer jobs (still more than the largest cap) check the same code.
    let n = if cfg!(miri) { 8 } else { 30 };
    for cap in [1, 3, 7] {
        let (results, peak) = run(n, cap, 5).await;
        assert_eq!(results.len(), n);
        assert_eq!(peak, cap, "cap {cap}: {peak} ran at once");
    }
}

#[tokio::test(start_paused = true)]
async fn a_cap_above_the_job_count_runs_them_all_at_once() {
    let (results, peak) = run(4, 10, 5).await;
    assert_eq!(results, vec![0, 10, 20, 30]);
    assert_eq!(peak, 4);
}

#[tokio::test(start_paused = true)]
async fn a_cap_of_zero_means_one() {
    let (results, peak) = run(5, 0, 5).await;
    assert_eq!(results, vec![0, 10, 20, 30, 40]);
    assert_eq!(peak, 1);
}

#[tokio::test(start_paused = true)]
async fn no_jobs_no_results() {
    let (results, peak) = run(0, 3, 5).await;
    assert!(results.is_empty());
    assert_eq!(peak, 0);
}

#[tokio::test(start_paused = true)]
async fn jobs_run_as_tasks() {
    // A job that only finishes once another job has run proves they overlap.
    let flag = Arc::new(tokio::sync::Notify::new());
    let (waiter, setter) = (Arc::clone(&flag), Arc::clone(&flag));
    let jobs: Vec<Job> = vec![
        Box::new(move || {
            Box::pin(async move {
                waiter.notified().await;
                1
            })
        }),
        Box::new(move || {
            Box::pin(async move {
                setter.notify_one();
                2
            })
        }),
    ];
    let results = timeout(Duration::from_secs(3600), run_capped(jobs, 2)).await;
    assert_eq!(
        results.expect("jobs did not run at the same time"),
        vec![1, 2]
    );
}
