//! # Exercise: a process pool that survives a crashing worker
//!
//! Write [`run_jobs`]. It squares every job in child processes, and it must
//! return every result even though a worker dies now and then.
//!
//! The workers are small shell scripts, started with [`worker_command`]. They
//! speak one line per message: the pool writes `ATTEMPT VALUE\n` to a
//! worker's stdin (`ATTEMPT` counts the earlier attempts at this job, from 0),
//! and the worker answers with one line, `VALUE*VALUE\n`, on its stdout. A
//! worker asked to square 13 on attempt 0 kills itself with `SIGABRT` instead:
//! the stand-in for a worker that segfaults or meets the OOM killer.
//!
//! Test your attempt with `cargo test -p exercises --test multiprocessing_retry_pool`.

use std::process::{Command, Stdio};

/// The worker: reads `ATTEMPT VALUE` lines, answers `VALUE*VALUE` lines,
/// and aborts itself on its first attempt at 13.
pub const WORKER_SCRIPT: &str = r#"
while read -r attempt value; do
    if [ "$value" = 13 ] && [ "$attempt" = 0 ]; then kill -ABRT $$; fi
    echo $((value * value))
done
"#;

/// A command that starts one worker, with its stdin and stdout piped.
pub fn worker_command() -> Command {
    let mut command = Command::new("sh");
    command
        .args(["-c", WORKER_SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    command
}

/// Returns `[x * x for x in jobs]`, in the order of `jobs`, computed by a pool
/// of `workers` worker processes started with [`worker_command`].
///
/// - Keep every worker busy with one job at a time, sending `ATTEMPT VALUE`.
/// - A worker whose stdout ends before it answers has crashed: reap it with
///   `wait`, start a fresh worker in its place, and send the job again with
///   `ATTEMPT` one higher. Give up (panic) after three attempts at one job.
/// - Never wait for a reply without a limit (a few seconds is plenty).
/// - Before returning, close, kill and `wait` for every worker: no child
///   process, running or zombie, may be left behind, even on a panic.
///
/// Panics if `workers` is 0.
pub fn run_jobs(jobs: &[u64], workers: usize) -> Vec<u64> {
    todo!("write this, then run: cargo test -p exercises --test multiprocessing_retry_pool")
}
