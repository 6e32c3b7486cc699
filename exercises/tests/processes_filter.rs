//! Tests for the exercise `processes_filter`.

// miri: skip its tests start child processes, which Miri cannot do

use std::io;
use std::process::ExitStatus;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use exercises::processes_filter::filter;

/// Runs `filter` on another thread, so that an attempt that deadlocks fails
/// the test instead of hanging it.
fn run(
    program: &'static str,
    args: &'static [&'static str],
    input: Vec<u8>,
) -> io::Result<(ExitStatus, Vec<u8>)> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(filter(program, args, &input));
    });
    rx.recv_timeout(Duration::from_secs(30)).expect(
        "filter did not return: a deadlock? (write and read at the same time, and close stdin)",
    )
}

/// `size` bytes that are not all alike.
fn data(size: usize) -> Vec<u8> {
    (0..size).map(|i| (i % 251) as u8).collect()
}

#[test]
fn upper_case_with_tr() {
    let (status, out) = run("tr", &["a-z", "A-Z"], b"hello, world\n".to_vec()).unwrap();
    assert!(status.success());
    assert_eq!(out, b"HELLO, WORLD\n");
}

#[test]
fn sort_needs_the_end_of_its_input() {
    let (status, out) = run("sort", &[], b"pear\napple\nfig\n".to_vec()).unwrap();
    assert!(status.success());
    assert_eq!(out, b"apple\nfig\npear\n");
}

#[test]
fn exit_status_and_output_both_come_back() {
    let (status, out) = run("sh", &["-c", "cat; exit 3"], b"abc".to_vec()).unwrap();
    assert_eq!(status.code(), Some(3));
    assert_eq!(out, b"abc");
}

#[test]
fn empty_input_empty_output() {
    let (status, out) = run("cat", &[], Vec::new()).unwrap();
    assert!(status.success());
    assert!(out.is_empty());
}

#[test]
fn the_child_gets_all_of_a_large_input() {
    let (status, out) = run("wc", &["-c"], data((1 << 20) + 7)).unwrap();
    assert!(status.success());
    assert_eq!(String::from_utf8(out).unwrap().trim(), "1048583");
}

#[test]
fn large_input_and_large_output_do_not_deadlock() {
    let input = data(4 << 20); // 4 MiB each way: far more than the pipes hold
    let (status, out) = run("cat", &[], input.clone()).unwrap();
    assert!(status.success());
    assert_eq!(out.len(), input.len());
    assert!(out == input, "the output differs from the input");
}

#[test]
fn a_child_that_stops_reading_early_is_not_an_error() {
    let (status, out) = run("head", &["-c", "5"], data(1 << 20)).unwrap();
    assert!(status.success());
    assert_eq!(out, data(5));
}

#[test]
fn a_missing_program_is_an_error() {
    let error = run("no-such-program-for-this-test", &[], b"x".to_vec()).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::NotFound);
}
