//! Solution: time the creation of threads and processes.

use std::io;
use std::process::{Command, ExitStatus};
use std::thread;
use std::time::{Duration, Instant};

/// What [`time_creation`] creates.
#[derive(Clone, Copy, Debug)]
pub enum Create<'a> {
    /// A thread that runs this function.
    Thread(fn()),
    /// A child process that runs this program with these arguments.
    Process(&'a str, &'a [&'a str]),
}

/// What [`time_creation`] measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// How many threads or processes were created and finished.
    pub count: u32,
    /// The time all of them took.
    pub total: Duration,
    /// `total / count`.
    pub mean: Duration,
}

/// Why [`time_creation`] gave up.
#[derive(Debug)]
pub enum MeasureError {
    /// `count` was 0.
    ZeroCount,
    /// The operating system refused to create the thread or process.
    Spawn(io::Error),
    /// A thread panicked.
    Panicked,
    /// A process did not exit successfully.
    Failed(ExitStatus),
}

/// Creates and finishes `count` threads or processes, one after another.
pub fn time_creation(what: Create, count: u32) -> Result<Timing, MeasureError> {
    if count == 0 {
        return Err(MeasureError::ZeroCount);
    }
    let start = Instant::now();
    for _ in 0..count {
        match what {
            Create::Thread(f) => {
                let handle = thread::Builder::new()
                    .spawn(f)
                    .map_err(MeasureError::Spawn)?;
                handle.join().map_err(|_| MeasureError::Panicked)?;
            }
            Create::Process(program, args) => {
                let mut child = Command::new(program)
                    .args(args)
                    .spawn()
                    .map_err(MeasureError::Spawn)?;
                let status = child.wait().map_err(MeasureError::Spawn)?;
                if !status.success() {
                    return Err(MeasureError::Failed(status));
                }
            }
        }
    }
    let total = start.elapsed();
    Ok(Timing {
        count,
        total,
        mean: total / count,
    })
}
