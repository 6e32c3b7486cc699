//! A pool of worker processes: the program runs itself as N workers, sends them
//! length-prefixed jobs over stdin and reads results from stdout; a worker that
//! crashes is reaped and replaced, and its job is retried on the fresh worker.

// miri: skip starts itself as a child process, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::collections::VecDeque;
use std::io::{self, Read, Write};
#[cfg(unix)]
use std::os::unix::process::ExitStatusExt;
use std::process::{self, Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, Sender};
use std::{env, mem, thread, time::Duration};

const MAX_FRAME: usize = 1 << 20; // never trust a length read from a pipe
const CRASH_JOB: u64 = 5; // the first attempt at this job aborts its worker
const REPLY_LIMIT: Duration = Duration::from_secs(5);
const MAX_ATTEMPTS: u32 = 3;

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

// ANCHOR: frames
/// A frame is a 4-byte little-endian length, then that many bytes.
fn write_frame(out: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    out.write_all(&u32::try_from(payload.len()).unwrap().to_le_bytes())?;
    out.write_all(payload)?;
    out.flush() // a pipe is buffered: without this the reader waits forever
}

/// Reads until `buf` is full or end-of-file; returns how many bytes it read.
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// `Ok(None)` at a clean end-of-file; an error for a truncated or oversized frame.
fn read_frame(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0; 4];
    match read_full(input, &mut header)? {
        0 => return Ok(None),
        4 => {}
        n => return Err(invalid(format!("truncated header: {n} of 4 bytes"))),
    }
    let len = u32::from_le_bytes(header) as usize;
    if len > MAX_FRAME {
        return Err(invalid(format!("frame of {len} bytes, limit {MAX_FRAME}")));
    }
    let mut payload = vec![0; len];
    let got = read_full(input, &mut payload)?;
    if got < len {
        return Err(invalid(format!("truncated frame: {got} of {len} bytes")));
    }
    Ok(Some(payload))
}
// ANCHOR_END: frames

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

fn count_primes(lo: u64, hi: u64) -> u64 {
    (lo..hi).filter(|&n| is_prime(n)).count() as u64
}

// ANCHOR: worker
/// The worker: a job is four u64s (id, lo, hi, attempt); the reply is the
/// number of primes in lo..hi. It serves jobs until its stdin ends.
fn worker() -> io::Result<()> {
    let (mut input, mut output) = (io::stdin().lock(), io::stdout().lock());
    while let Some(job) = read_frame(&mut input)? {
        let fields: Vec<u64> = (job.chunks_exact(8))
            .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
            .collect();
        let &[id, lo, hi, attempt] = fields.as_slice() else {
            return Err(invalid(format!("a job is 32 bytes, not {}", job.len())));
        };
        if id == CRASH_JOB && attempt == 0 {
            process::abort(); // stands in for a segfault, or the OOM killer
        }
        write_frame(&mut output, &count_primes(lo, hi).to_le_bytes())?;
    }
    Ok(())
}
// ANCHOR_END: worker

// ANCHOR: pool
type Reply = (usize, io::Result<Option<Vec<u8>>>); // (worker id, frame read)

struct Worker {
    id: usize,
    child: Child,
    stdin: ChildStdin,
    job: Option<usize>,
}

struct Pool {
    workers: Vec<Worker>,
    started: usize,
    tx: Sender<Reply>,
    replies: Receiver<Reply>,
}

impl Pool {
    fn new(size: usize) -> io::Result<Pool> {
        let (tx, replies) = mpsc::channel();
        let mut pool = Pool {
            workers: Vec::new(),
            started: 0,
            tx,
            replies,
        };
        for _ in 0..size {
            let worker = pool.spawn()?; // on error, Drop reaps those started
            pool.workers.push(worker);
        }
        Ok(pool)
    }

    /// Starts this program as a worker, with a thread that forwards its frames.
    fn spawn(&mut self) -> io::Result<Worker> {
        let mut child = Command::new(env::current_exe()?)
            .arg("--worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let (stdin, mut stdout) = (child.stdin.take().unwrap(), child.stdout.take().unwrap());
        let (id, tx) = (self.started, self.tx.clone());
        self.started += 1;
        thread::spawn(move || {
            loop {
                let frame = read_frame(&mut stdout);
                // `matches!` tests a value against a pattern: not a frame means
                // end-of-file or a bad frame.
                let last = !matches!(frame, Ok(Some(_)));
                if tx.send((id, frame)).is_err() || last {
                    break;
                }
            }
        });
        Ok(Worker {
            id,
            child,
            stdin,
            job: None,
        })
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for worker in &mut self.workers {
            let _ = worker.child.kill(); // fails only if it has already exited
            let _ = worker.child.wait(); // reap it: no zombie is left behind
        }
    }
}
// ANCHOR_END: pool

#[cfg(unix)]
impl Pool {
    // ANCHOR: run
    fn run(&mut self, jobs: &[(u64, u64)]) -> io::Result<Vec<u64>> {
        let mut pending: VecDeque<usize> = (0..jobs.len()).collect();
        let mut attempts = vec![0; jobs.len()];
        let mut results = vec![None; jobs.len()];
        let mut done = 0;
        while done < jobs.len() {
            for w in self.workers.iter_mut().filter(|w| w.job.is_none()) {
                let Some(j) = pending.pop_front() else { break };
                let (lo, hi) = jobs[j];
                let fields = [j as u64, lo, hi, u64::from(attempts[j])];
                let frame: Vec<u8> = fields.iter().flat_map(|f| f.to_le_bytes()).collect();
                w.job = Some(j);
                // A dead worker makes this fail with a broken pipe; its reader
                // thread reports the end of its stdout, handled below.
                let _ = write_frame(&mut w.stdin, &frame);
            }
            let (id, frame) = (self.replies.recv_timeout(REPLY_LIMIT))
                .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "no worker replied"))?;
            let slot = self.workers.iter().position(|w| w.id == id).unwrap();
            if let Ok(Some(reply)) = frame {
                let j = self.workers[slot].job.take().unwrap();
                let bytes = reply.try_into().map_err(|_| invalid("bad reply".into()))?;
                results[j] = Some(u64::from_le_bytes(bytes));
                done += 1;
                continue;
            }
            // End-of-file or a malformed frame: replace the worker, reap the old one.
            let fresh = self.spawn()?;
            // `mem::replace` puts `fresh` in the slot and hands back the old worker.
            let mut old = mem::replace(&mut self.workers[slot], fresh);
            let _ = old.child.kill();
            let status = old.child.wait()?;
            if let Some(j) = old.job {
                attempts[j] += 1;
                if attempts[j] == MAX_ATTEMPTS {
                    return Err(io::Error::other(format!(
                        "job {j} killed {MAX_ATTEMPTS} workers"
                    )));
                }
                println!(
                    "job {j}: worker killed by signal {:?}; retrying",
                    status.signal()
                );
                pending.push_back(j);
            }
        }
        Ok(results.into_iter().map(Option::unwrap).collect())
    }
    // ANCHOR_END: run
}

#[cfg(unix)]
// ANCHOR: main
fn main() -> io::Result<()> {
    // `as_deref` turns the `Option<String>` into an `Option<&str>` to match on.
    match env::args().nth(1).as_deref() {
        None => {}
        Some("--worker") => return worker(),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: multiprocessing_pool");
            process::exit(2);
        }
    }
    let jobs: Vec<(u64, u64)> = (0..16).map(|i| (i * 5_000, (i + 1) * 5_000)).collect();
    let mut pool = Pool::new(4)?;
    let counts = pool.run(&jobs)?;
    let total: u64 = counts.iter().sum();
    assert_eq!(total, count_primes(0, 80_000)); // complete and correct
    println!(
        "{} jobs, {} results, {total} primes below 80000",
        jobs.len(),
        counts.len()
    );
    println!("workers started: {} (4 + 1 replacement)", pool.started);
    Ok(())
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it reports the signal that killed a worker process, and Windows has no signals",
    )
}
