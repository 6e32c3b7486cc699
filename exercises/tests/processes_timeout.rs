//! Tests for the exercise `processes_timeout`.

// They run Unix programs (true, sh, sleep) and check the signal that ended
// them: elsewhere there are none.
#![cfg(unix)]

// miri: skip its tests start child processes, which Miri cannot do

use std::io;
use std::os::unix::process::ExitStatusExt;
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use exercises::processes_timeout::{Outcome, run_with_timeout};

/// Runs `run_with_timeout` on another thread, so that an attempt that never
/// returns fails the test instead of hanging it. Returns the result and how
/// long the call took.
fn run(program: &str, args: &[&str], limit: Duration) -> (io::Result<Outcome>, Duration) {
    let mut command = Command::new(program);
    command.args(args);
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let start = Instant::now();
        let result = run_with_timeout(&mut command, limit);
        let _ = tx.send((result, start.elapsed()));
    });
    rx.recv_timeout(limit + Duration::from_secs(20))
        .expect("run_with_timeout did not return (does it wait without a limit?)")
}

#[test]
fn a_quick_command_finishes() {
    let (result, took) = run("true", &[], Duration::from_secs(5));
    match result.unwrap() {
        Outcome::Finished(status) => assert!(status.success()),
        other => panic!("expected Finished, got {other:?}"),
    }
    assert!(
        took < Duration::from_secs(3),
        "took {took:?}: do not sleep for the whole limit"
    );
}

#[test]
fn the_exit_code_comes_back() {
    let (result, _) = run("sh", &["-c", "exit 4"], Duration::from_secs(5));
    match result.unwrap() {
        Outcome::Finished(status) => assert_eq!(status.code(), Some(4)),
        other => panic!("expected Finished, got {other:?}"),
    }
}

#[test]
fn a_child_killed_by_someone_else_has_finished() {
    let (result, _) = run("sh", &["-c", "kill -TERM $$"], Duration::from_secs(5));
    match result.unwrap() {
        Outcome::Finished(status) => assert_eq!(status.signal(), Some(libc::SIGTERM)),
        other => panic!("expected Finished, got {other:?}"),
    }
}

#[test]
fn returns_as_soon_as_the_child_exits() {
    let (result, took) = run("sleep", &["0.2"], Duration::from_secs(10));
    assert!(matches!(result.unwrap(), Outcome::Finished(s) if s.success()));
    assert!(
        took < Duration::from_secs(5),
        "took {took:?} for a 0.2 s command"
    );
}

#[test]
fn a_missing_program_is_an_error() {
    let (result, _) = run("no-such-program-for-this-test", &[], Duration::from_secs(5));
    assert_eq!(result.unwrap_err().kind(), io::ErrorKind::NotFound);
}

#[test]
fn a_slow_command_is_killed_and_reaped() {
    let pid_file = std::env::temp_dir().join(format!("processes_timeout_{}", std::process::id()));
    let script = format!("echo $$ > {}; exec sleep 30", pid_file.display());
    let (result, took) = run("sh", &["-c", &script], Duration::from_secs(1));
    match result.unwrap() {
        Outcome::TimedOut(status) => assert_eq!(status.signal(), Some(libc::SIGKILL)),
        other => panic!("expected TimedOut, got {other:?}"),
    }
    assert!(
        took < Duration::from_secs(10),
        "took {took:?} with a limit of 1 s"
    );
    // The child wrote its process ID. Once it has been waited for, Linux
    // forgets it; a child that was killed but never waited for is a zombie
    // and still has an entry in /proc.
    if let Ok(pid) = std::fs::read_to_string(&pid_file) {
        let _ = std::fs::remove_file(&pid_file);
        let proc_entry = format!("/proc/{}", pid.trim());
        assert!(
            !std::path::Path::new(&proc_entry).exists(),
            "the killed child is still there (a zombie?): wait for it after kill"
        );
    }
}

#[test]
fn a_zero_limit_kills_at_once() {
    let (result, took) = run("sleep", &["30"], Duration::ZERO);
    assert!(matches!(result.unwrap(), Outcome::TimedOut(s) if s.signal() == Some(libc::SIGKILL)));
    assert!(
        took < Duration::from_secs(5),
        "took {took:?} with a limit of 0"
    );
}
