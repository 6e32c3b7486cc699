//! Solution: run a command, but kill it if it takes too long.

use std::io;
use std::process::{Command, ExitStatus};
use std::thread;
use std::time::{Duration, Instant};

/// How a command run by [`run_with_timeout`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The child exited on its own within the limit, with this status.
    Finished(ExitStatus),
    /// The child was still running at the limit. It was killed and waited
    /// for; this is the status that the wait returned.
    TimedOut(ExitStatus),
}

/// How long to sleep between two checks on the child.
const POLL: Duration = Duration::from_millis(5);

/// Runs `command` as a child process and waits at most about `limit` for it;
/// kills and reaps it if it runs longer.
pub fn run_with_timeout(command: &mut Command, limit: Duration) -> io::Result<Outcome> {
    let mut child = command.spawn()?;
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Outcome::Finished(status));
        }
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        thread::sleep(POLL.min(deadline - now));
    }
    // `kill` fails only if the child cannot be signalled; if it has exited in
    // the meantime, `kill` succeeds and `wait` returns its real status.
    child.kill()?;
    Ok(Outcome::TimedOut(child.wait()?))
}
