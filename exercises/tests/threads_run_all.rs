//! Tests for the exercise `threads_run_all`.

use std::panic::panic_any;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use exercises::threads_run_all::{panic_message, run_all};

type Job = Box<dyn FnOnce() -> i32 + Send>;

#[test]
fn message_of_a_str_payload() {
    assert_eq!(panic_message(Box::new("disk full")), "disk full");
}

#[test]
fn message_of_a_string_payload() {
    assert_eq!(
        panic_message(Box::new(String::from("job 7 failed"))),
        "job 7 failed"
    );
}

#[test]
fn message_of_another_payload() {
    assert_eq!(panic_message(Box::new(42_i32)), "Box<dyn Any>");
}

#[test]
fn message_of_a_real_panic() {
    let id = 7;
    let payload = thread::spawn(move || panic!("job {id} failed"))
        .join()
        .unwrap_err();
    assert_eq!(panic_message(payload), "job 7 failed");
}

#[test]
fn no_jobs_no_results() {
    assert!(run_all(Vec::<Job>::new()).is_empty());
}

#[test]
fn results_and_panics_in_job_order() {
    let jobs: Vec<Job> = vec![
        Box::new(|| 1),
        Box::new(|| panic!("disk full")),
        Box::new(|| 3),
        Box::new(|| {
            let id = 4;
            panic!("job {id} failed")
        }),
        Box::new(|| panic_any(5_u8)),
        Box::new(|| 6),
    ];
    let expected = vec![
        Ok(1),
        Err("disk full".to_string()),
        Ok(3),
        Err("job 4 failed".to_string()),
        Err("Box<dyn Any>".to_string()),
        Ok(6),
    ];
    assert_eq!(run_all(jobs), expected);
}

#[test]
fn jobs_run_at_the_same_time() {
    // Job 0 can only succeed if job 2 runs while job 0 is still waiting.
    // The timeout keeps a one-job-at-a-time attempt from hanging forever.
    let (tx, rx) = mpsc::channel();
    let jobs: Vec<Job> = vec![
        Box::new(move || match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(n) => n,
            Err(_) => panic!("job 2 never ran while job 0 was waiting"),
        }),
        Box::new(|| 1),
        Box::new(move || {
            tx.send(20).unwrap();
            2
        }),
    ];
    assert_eq!(run_all(jobs), vec![Ok(20), Ok(1), Ok(2)]);
}

#[test]
fn results_of_another_type() {
    let jobs: Vec<Box<dyn FnOnce() -> String + Send>> = vec![
        Box::new(|| "a".repeat(3)),
        Box::new(|| panic!("no string for you")),
    ];
    assert_eq!(
        run_all(jobs),
        vec![Ok("aaa".to_string()), Err("no string for you".to_string())]
    );
}
