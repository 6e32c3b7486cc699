//! Builds that `cargo xtask test` starts at its beginning, one after another
//! at the lowest CPU priority (`nice -n 19`), for the steps that need them
//! much later: the book's tools, Miri's standard library, ThreadSanitizer's.
//! The steps before them leave about a quarter of a 2-core machine idle
//! (tests that sleep, serial links); a build at the lowest priority takes
//! only that idle time, and the step that needs it then waits for less.
//!
//! A step calls [`wait`] for its build: if the build is done, it goes on; if
//! it is running, it waits for it; if it has not started, it is dropped and
//! the step builds in the foreground as it always does. A failed background
//! build is only reported: the step runs the same command again and fails
//! there with the full output. Without `nice` (Windows), nothing runs in the
//! background.
use std::collections::{BTreeMap, VecDeque};
use std::process::{Command, Stdio};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// One build: its commands run one after another.
pub struct Job {
    pub label: &'static str,
    pub commands: Vec<Command>,
}

enum Status {
    Queued,
    Running,
    Done(Result<(), String>),
}

struct State {
    queue: VecDeque<Job>,
    status: BTreeMap<&'static str, Status>,
}

static STATE: Mutex<State> = Mutex::new(State {
    queue: VecDeque::new(),
    status: BTreeMap::new(),
});
static CHANGED: Condvar = Condvar::new();

/// Longer than any build takes on a 2-core machine.
const TIMEOUT: Duration = Duration::from_secs(3600);

fn has_nice() -> bool {
    cfg!(unix)
        && Command::new("nice")
            .arg("true")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// `cmd`, run by `nice -n 19`.
fn niced(cmd: &Command) -> Command {
    let mut out = Command::new("nice");
    out.args(["-n", "19"])
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => out.env(key, v),
            None => out.env_remove(key),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        out.current_dir(dir);
    }
    out
}

fn run(job: &Job) -> Result<(), String> {
    for cmd in &job.commands {
        let (ok, out) = crate::process::captured(niced(cmd), job.label, TIMEOUT)?;
        if !ok {
            let lines: Vec<&str> = out.lines().collect();
            return Err(lines[lines.len().saturating_sub(20)..].join("\n"));
        }
    }
    Ok(())
}

/// Queues `jobs` and starts the thread that runs them in order.
pub fn start(jobs: Vec<Job>) {
    if jobs.is_empty() || !has_nice() {
        return;
    }
    {
        let mut state = STATE.lock().unwrap();
        for job in jobs {
            state.status.insert(job.label, Status::Queued);
            state.queue.push_back(job);
        }
    }
    std::thread::spawn(|| {
        loop {
            let job = {
                let mut state = STATE.lock().unwrap();
                let Some(job) = state.queue.pop_front() else {
                    return;
                };
                state.status.insert(job.label, Status::Running);
                job
            };
            let result = run(&job);
            STATE
                .lock()
                .unwrap()
                .status
                .insert(job.label, Status::Done(result));
            CHANGED.notify_all();
        }
    });
}

/// Waits for the background build `label`, if there is one (see the module's
/// documentation).
pub fn wait(label: &str) {
    let mut state = STATE.lock().unwrap();
    match state.status.get(label) {
        None => return,
        Some(Status::Queued) => {
            state.queue.retain(|j| j.label != label);
            state.status.remove(label);
            return;
        }
        Some(Status::Running) => {
            let t = Instant::now();
            eprintln!("    waiting for {label}, building in the background since the first step");
            while matches!(state.status.get(label), Some(Status::Running)) {
                state = CHANGED.wait(state).unwrap();
            }
            eprintln!("    ({:.0}s of waiting)", t.elapsed().as_secs_f64());
        }
        Some(Status::Done(_)) => {}
    }
    if let Some(Status::Done(Err(e))) = state.status.get(label) {
        eprintln!("    building {label} in the background failed; building it here:\n{e}");
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", script]);
        cmd
    }

    #[test]
    fn jobs_run_in_order_and_a_queued_one_is_dropped() {
        let dir = std::env::temp_dir().join(format!("xtask-bg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("log");
        let log = |word: &str| sh(&format!("sleep 0.2; echo {word} >> {}", file.display()));
        start(vec![
            Job {
                label: "test first",
                commands: vec![log("a"), log("b")],
            },
            Job {
                label: "test second",
                commands: vec![log("c")],
            },
        ]);
        // Until the thread takes it, the first job is queued, and `wait`
        // would drop it: let the thread take it.
        let started = Instant::now();
        while matches!(
            STATE.lock().unwrap().status.get("test first"),
            Some(Status::Queued)
        ) {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "the job never started"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        wait("test first");
        // The first job is done; the second is queued or running. Either
        // way, `wait` returns only when it will not write any more.
        wait("test second");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text == "a\nb\n" || text == "a\nb\nc\n", "{text:?}");
        wait("never started");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
