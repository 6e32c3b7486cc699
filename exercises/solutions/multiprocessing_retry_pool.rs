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

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

const REPLY_LIMIT: Duration = Duration::from_secs(10);
const MAX_ATTEMPTS: u32 = 3;

/// One worker, and the job it is busy with.
struct Worker {
    id: usize,
    child: Child,
    stdin: ChildStdin,
    job: Option<usize>,
}

/// The workers; dropping it kills and reaps every one of them.
struct Pool {
    workers: Vec<Worker>,
    started: usize,
    tx: Sender<(usize, Option<String>)>,
}

impl Pool {
    /// Starts a worker and a thread that forwards its reply lines as
    /// `(id, Some(line))`, then `(id, None)` when its stdout ends.
    fn spawn(&mut self) -> Worker {
        let mut child = worker_command().spawn().expect("cannot start sh");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let (id, tx) = (self.started, self.tx.clone());
        self.started += 1;
        thread::spawn(move || {
            for line in stdout.lines() {
                let Ok(line) = line else { break };
                if tx.send((id, Some(line))).is_err() {
                    return;
                }
            }
            let _ = tx.send((id, None));
        });
        Worker {
            id,
            child,
            stdin,
            job: None,
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for worker in &mut self.workers {
            let _ = worker.child.kill();
            let _ = worker.child.wait();
        }
    }
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
    assert!(workers > 0, "a pool needs at least one worker");
    let (tx, replies) = mpsc::channel();
    let mut pool = Pool {
        workers: Vec::new(),
        started: 0,
        tx,
    };
    for _ in 0..workers.min(jobs.len()) {
        let worker = pool.spawn();
        pool.workers.push(worker);
    }
    let mut pending: VecDeque<usize> = (0..jobs.len()).collect();
    let mut attempts = vec![0; jobs.len()];
    let mut results = vec![None; jobs.len()];
    let mut done = 0;
    while done < jobs.len() {
        for worker in pool.workers.iter_mut().filter(|w| w.job.is_none()) {
            let Some(j) = pending.pop_front() else { break };
            worker.job = Some(j);
            // If the worker is dead this fails; its reader reports the end.
            let _ = writeln!(worker.stdin, "{} {}", attempts[j], jobs[j]);
        }
        let (id, line) = receive(&replies);
        let slot = pool.workers.iter().position(|w| w.id == id).unwrap();
        if let Some(line) = line {
            let j = pool.workers[slot]
                .job
                .take()
                .expect("a reply without a job");
            results[j] = Some(line.trim().parse::<u64>().expect("a number"));
            done += 1;
            continue;
        }
        // Its stdout ended: the worker crashed. Replace it, reap it, retry.
        let fresh = pool.spawn();
        let mut dead = std::mem::replace(&mut pool.workers[slot], fresh);
        let _ = dead.child.kill();
        let _ = dead.child.wait();
        if let Some(j) = dead.job {
            attempts[j] += 1;
            assert!(
                attempts[j] < MAX_ATTEMPTS,
                "job {j} crashed {MAX_ATTEMPTS} workers"
            );
            pending.push_back(j);
        }
    }
    results.into_iter().map(Option::unwrap).collect()
}

fn receive(replies: &Receiver<(usize, Option<String>)>) -> (usize, Option<String>) {
    (replies.recv_timeout(REPLY_LIMIT)).expect("no worker answered within the limit")
}
