//! The one way xtask runs another program.
//!
//! The contract, for every command: it starts in the repository's root
//! (unless it names another directory), with `RUST_BACKTRACE` and `RUST_LOG`
//! removed (so a reader's shell cannot change a recording) and stdin closed.
//! A command given a timeout runs in a process group of its own; past its
//! timeout, the whole group is killed and the run is an error. (One without
//! stays in the terminal's group, so that Ctrl-C stops it with xtask.)
//! Its output is either captured (stdout and stderr through one pipe, so the
//! text keeps the order it was written in) or passed through to the
//! terminal. Failing to start is an error naming the program; a non-zero exit
//! is an error only for [`Run::check`], which is what most callers want.
use crate::util::root;
use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A command about to run.
pub struct Run {
    cmd: Command,
    label: String,
    timeout: Option<Duration>,
    capture: bool,
}

/// How a command ended, and what it printed when captured.
pub struct Finished {
    pub status: ExitStatus,
    /// stdout and stderr interleaved; empty unless [`Run::capture`] was asked for.
    pub output: String,
}

impl Finished {
    pub fn ok(&self) -> bool {
        self.status.success()
    }
}

impl Run {
    /// `cmd`, labelled in messages by its program's name.
    pub fn new(cmd: Command) -> Run {
        let label = cmd.get_program().to_string_lossy().into_owned();
        Run {
            cmd,
            label,
            timeout: None,
            capture: false,
        }
    }

    /// The name messages give the command (an example's, a file's).
    pub fn label(mut self, label: impl Into<String>) -> Run {
        self.label = label.into();
        self
    }

    /// Kills the command's process group and fails after `limit`.
    pub fn timeout(mut self, limit: Duration) -> Run {
        self.timeout = Some(limit);
        self
    }

    /// Captures stdout and stderr, interleaved, instead of passing them through.
    pub fn capture(mut self) -> Run {
        self.capture = true;
        self
    }

    /// Runs the command to its end (or its timeout).
    pub fn finish(self) -> Result<Finished, String> {
        let Run {
            mut cmd,
            label,
            timeout,
            capture,
        } = self;
        if cmd.get_current_dir().is_none() {
            cmd.current_dir(root());
        }
        cmd.env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null());
        #[cfg(unix)]
        if timeout.is_some() {
            std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        }
        let reader = if capture {
            let (reader, writer) =
                std::io::pipe().map_err(|e| format!("{label}: cannot make a pipe: {e}"))?;
            let copy = writer
                .try_clone()
                .map_err(|e| format!("{label}: cannot copy a pipe: {e}"))?;
            cmd.stdout(copy).stderr(writer);
            Some(reader)
        } else {
            None
        };
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot run {label}: {e}"))?;
        drop(cmd); // closes our copies of the pipe's write end
        let collected = reader.map(|mut reader| {
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = reader.read_to_end(&mut bytes);
                let _ = tx.send(bytes);
            });
            rx
        });
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child
                .try_wait()
                .map_err(|e| format!("{label}: cannot wait: {e}"))?
            {
                break status;
            }
            if let Some(limit) = timeout
                && started.elapsed() > limit
            {
                kill_group(&mut child);
                let _ = child.wait();
                return Err(format!(
                    "{label} did not finish within {}s (killed)",
                    limit.as_secs_f64()
                ));
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let output = match collected {
            // A grandchild that kept the pipe open must not hang the check.
            Some(rx) => {
                let bytes = rx.recv_timeout(Duration::from_secs(5)).map_err(|_| {
                    kill_group(&mut child);
                    format!("{label}: output pipe still open after exit")
                })?;
                String::from_utf8_lossy(&bytes).into_owned()
            }
            None => String::new(),
        };
        Ok(Finished { status, output })
    }

    /// Runs the command and fails unless it exits 0; returns what it
    /// printed if captured (and shows it in the error if it failed).
    pub fn check(self) -> Result<String, String> {
        let label = self.label.clone();
        let done = self.finish()?;
        if done.ok() {
            Ok(done.output)
        } else if done.output.is_empty() {
            Err(format!("{label} failed ({})", done.status))
        } else {
            Err(format!(
                "{label} failed ({}):\n{}",
                done.status,
                done.output.trim_end()
            ))
        }
    }
}

/// [`Run::check`] passed through to the terminal: the shorthand for a build
/// step. Takes the command out of `cmd` (leaving an empty one behind), so
/// that a builder chain can be passed as it is.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let owned = std::mem::replace(cmd, Command::new(""));
    Run::new(owned).check().map(drop)
}

/// [`Run::finish`] captured, with a timeout: whether `cmd` exited 0, and what
/// it printed. The shorthand for running an example or a listing.
pub fn captured(cmd: Command, label: &str, timeout: Duration) -> Result<(bool, String), String> {
    let done = Run::new(cmd)
        .label(label)
        .timeout(timeout)
        .capture()
        .finish()?;
    Ok((done.ok(), done.output))
}

/// Kills the process group `child` leads. (`kill -KILL -PID` would not do:
/// procps' kill reads `-PID` as an option, exits 0 and kills nothing.)
#[cfg(unix)]
fn kill_group(child: &mut std::process::Child) {
    let _ = Command::new("kill")
        .args(["-s", "KILL", "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
}

/// Elsewhere (Windows), there are no process groups: kills the child alone.
#[cfg(not(unix))]
fn kill_group(child: &mut std::process::Child) {
    let _ = child.kill();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_past_its_timeout_is_killed_with_its_children() {
        // A shell whose child sleeps: both are in the group that must die.
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "sleep 30; echo late"]);
        let started = Instant::now();
        let result = Run::new(cmd)
            .label("sleeper")
            .capture()
            .timeout(Duration::from_millis(300))
            .finish();
        assert!(
            result
                .err()
                .unwrap()
                .contains("sleeper did not finish within")
        );
        assert!(started.elapsed() < Duration::from_secs(10), "not killed");
    }

    #[test]
    fn captured_output_keeps_the_order_it_was_written_in() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo one; echo two >&2; echo three"]);
        let out = Run::new(cmd).capture().check().unwrap();
        assert_eq!(out, "one\ntwo\nthree\n");
    }

    #[test]
    fn a_failure_names_the_command_and_shows_its_output() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo broken; exit 3"]);
        let err = Run::new(cmd).label("script").capture().check().unwrap_err();
        assert!(err.starts_with("script failed"), "{err}");
        assert!(err.contains("broken"), "{err}");
        let missing = Run::new(Command::new("no-such-program-here")).check();
        assert!(
            missing
                .unwrap_err()
                .contains("cannot run no-such-program-here")
        );
    }

    #[test]
    fn the_environment_cannot_change_a_recording() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo \"[$RUST_BACKTRACE]\"; pwd"])
            .env("RUST_BACKTRACE", "1");
        let out = Run::new(cmd).capture().check().unwrap();
        let root = root().canonicalize().unwrap();
        assert_eq!(out, format!("[]\n{}\n", root.display()));
    }
}
