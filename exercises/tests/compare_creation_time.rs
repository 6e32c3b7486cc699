//! Tests for the exercise `compare_creation_time`. They check what was
//! created and what was returned, never how fast: timings vary.

// miri: skip its tests start child processes, which Miri cannot do

use std::fs;
use std::io::ErrorKind;
use std::sync::atomic::{AtomicU32, Ordering};

use exercises::compare_creation_time::{Create, MeasureError, time_creation};

// One counter per test: the tests run at the same time. `Relaxed`: a count
// publishes nothing, and `time_creation` joins each thread it starts, which
// makes the thread's increment visible before the test reads the count.
static RUNS: AtomicU32 = AtomicU32::new(0);
static RUNS_WITH_ZERO: AtomicU32 = AtomicU32::new(0);

fn count_run() {
    RUNS.fetch_add(1, Ordering::Relaxed);
}

fn count_run_with_zero() {
    RUNS_WITH_ZERO.fetch_add(1, Ordering::Relaxed);
}

fn fail() {
    panic!("this thread fails");
}

#[test]
fn zero_count_is_an_error_for_both() {
    let thread = time_creation(Create::Thread(count_run_with_zero), 0);
    assert!(matches!(thread, Err(MeasureError::ZeroCount)), "{thread:?}");
    let process = time_creation(Create::Process("false", &[]), 0);
    assert!(
        matches!(process, Err(MeasureError::ZeroCount)),
        "{process:?}"
    );
    assert_eq!(RUNS_WITH_ZERO.load(Ordering::Relaxed), 0, "nothing may run");
}

#[test]
fn threads_run_count_times_and_the_mean_is_total_over_count() {
    let timing = time_creation(Create::Thread(count_run), 7).unwrap();
    assert_eq!(RUNS.load(Ordering::Relaxed), 7);
    assert_eq!(timing.count, 7);
    assert_eq!(timing.mean, timing.total / 7);
}

#[test]
fn processes_run_count_times_and_each_is_waited_for() {
    let file = std::env::temp_dir().join(format!("compare_creation_{}", std::process::id()));
    let _ = fs::remove_file(&file);
    let script = format!("echo run >> '{}'", file.display());
    let timing = time_creation(Create::Process("sh", &["-c", &script]), 5).unwrap();
    // Every child was waited for, so every line is in the file by now.
    let lines = fs::read_to_string(&file).unwrap().lines().count();
    let _ = fs::remove_file(&file);
    assert_eq!(lines, 5);
    assert_eq!(timing.count, 5);
    assert_eq!(timing.mean, timing.total / 5);
}

#[test]
fn a_panicking_thread_is_reported() {
    let result = time_creation(Create::Thread(fail), 3);
    assert!(matches!(result, Err(MeasureError::Panicked)), "{result:?}");
}

#[test]
fn a_failing_process_is_reported_with_its_status() {
    match time_creation(Create::Process("sh", &["-c", "exit 3"]), 2) {
        Err(MeasureError::Failed(status)) => assert_eq!(status.code(), Some(3)),
        other => panic!("expected Failed(exit status 3), got {other:?}"),
    }
}

#[test]
fn a_missing_program_is_a_spawn_error() {
    match time_creation(Create::Process("/no/such/program", &[]), 1) {
        Err(MeasureError::Spawn(e)) => assert_eq!(e.kind(), ErrorKind::NotFound),
        other => panic!("expected Spawn(NotFound), got {other:?}"),
    }
}
