//! Tests for the exercise `multiprocessing_retry_pool`.

// miri: skip its tests start child processes, which Miri cannot do

use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::Duration;

use exercises::multiprocessing_retry_pool::run_jobs;

/// The tests run one at a time, so that the children each one finds are its own.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The children of this process, as (pid, state) from /proc: state `Z` is a zombie.
#[cfg(target_os = "linux")]
fn children() -> Vec<(u32, char)> {
    let me = std::process::id().to_string();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid ...": comm may hold spaces, so split after ')'.
        let Some((head, tail)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = tail.split_whitespace().collect();
        if fields.get(1) == Some(&me.as_str()) {
            let pid = head.split_whitespace().next().unwrap().parse().unwrap();
            found.push((pid, fields[0].chars().next().unwrap()));
        }
    }
    found
}

/// Elsewhere on Unix (macOS), as `ps` reports them, leaving out `ps` itself.
#[cfg(all(unix, not(target_os = "linux")))]
fn children() -> Vec<(u32, char)> {
    let me = std::process::id();
    let ps = std::process::Command::new("ps")
        .args(["-A", "-o", "pid=,ppid=,stat="])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("ps runs");
    let own = ps.id();
    let out = ps.wait_with_output().expect("ps finishes");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let pid: u32 = fields.next()?.parse().ok()?;
            let ppid: u32 = fields.next()?.parse().ok()?;
            let state = fields.next()?.chars().next()?;
            (ppid == me && pid != own).then_some((pid, state))
        })
        .collect()
}

/// Windows has no zombies: a process that ends is gone once its handles
/// close, so there is nothing to look for.
#[cfg(not(unix))]
fn children() -> Vec<(u32, char)> {
    Vec::new()
}

/// Runs `run_jobs` on another thread with a time limit, then checks that it
/// left no child process behind.
fn run(jobs: Vec<u64>, workers: usize) -> Vec<u64> {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(run_jobs(&jobs, workers));
    });
    let results = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("run_jobs did not return within 60 s (or it panicked)");
    let left = children();
    assert!(
        left.is_empty(),
        "children left behind (pid, state; Z = zombie): {left:?}"
    );
    results
}

fn squares(jobs: &[u64]) -> Vec<u64> {
    jobs.iter().map(|x| x * x).collect()
}

#[test]
fn squares_come_back_in_order() {
    let jobs = vec![3, 1, 4, 1, 5, 9, 2, 6];
    assert_eq!(run(jobs.clone(), 3), squares(&jobs));
}

#[test]
fn a_crashing_job_is_retried_and_the_result_is_complete() {
    let jobs: Vec<u64> = (0..30).collect();
    assert_eq!(run(jobs.clone(), 4), squares(&jobs));
}

#[test]
fn a_single_worker_is_replaced_after_its_crash() {
    assert_eq!(run(vec![12, 13, 14], 1), vec![144, 169, 196]);
}

#[test]
fn several_crashes_in_one_run() {
    let jobs = vec![13, 2, 13, 13, 7, 13];
    assert_eq!(run(jobs.clone(), 2), squares(&jobs));
}

#[test]
fn more_workers_than_jobs() {
    assert_eq!(run(vec![13, 11], 8), vec![169, 121]);
}

#[test]
fn no_jobs_no_results() {
    assert_eq!(run(vec![], 3), Vec::<u64>::new());
}

#[test]
fn large_values_survive_the_trip() {
    let jobs = vec![1 << 31, 3_000_000_000];
    assert_eq!(run(jobs.clone(), 2), squares(&jobs));
}
