//! # Exercise: run a command, but kill it if it takes too long
//!
//! Write [`run_with_timeout`]. It starts the command, waits for it at most
//! `limit`, and if the child is still running then, kills it, waits for it
//! (so that it does not stay behind as a zombie) and reports the time-out.
//!
//! Test your attempt with `cargo test -p exercises --test processes_timeout`.

use std::io;
use std::process::{Command, ExitStatus};
use std::time::Duration;

/// How a command run by [`run_with_timeout`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The child exited on its own within the limit, with this status.
    Finished(ExitStatus),
    /// The child was still running at the limit. It was killed and waited
    /// for; this is the status that the wait returned.
    TimedOut(ExitStatus),
}

/// Runs `command` as a child process and waits at most about `limit` for it.
///
/// - Returns `Err` if the child cannot be started (for example, no such
///   program).
/// - Returns `Ok(Outcome::Finished(status))` as soon as the child exits, even
///   if that is long before `limit`: do not sleep for the whole limit.
/// - Otherwise kills the child once `limit` has passed, waits for it, and
///   returns `Ok(Outcome::TimedOut(status))`.
///
/// The child's standard streams are whatever `command` says (by default,
/// inherited from this process).
pub fn run_with_timeout(command: &mut Command, limit: Duration) -> io::Result<Outcome> {
    todo!("write this, then run: cargo test -p exercises --test processes_timeout")
}
