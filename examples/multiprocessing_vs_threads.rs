//! Throughput of a pool of worker processes (jobs and results over pipes)
//! next to a pool of threads (jobs and results over channels), on the same
//! jobs with the same scheduling: one job in flight per worker.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The tests run smaller jobs below a smaller limit (the harness masks its figures).
// output: mask below \d+
// output: mask on \d+ workers
// output: mask jobs of \d+
// output: test-args --quick
// miri: skip starts itself as a child process, which Miri cannot do

use harness::Harness;
use std::io::{self, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::{env, thread, time::Duration, time::Instant};

type Submit = Box<dyn FnMut((u64, u64)) -> io::Result<()>>;
/// A pool that runs jobs on so many workers and returns the sum of the results.
type Pool = fn(usize, &[(u64, u64)]) -> io::Result<u64>;

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

fn count_primes((lo, hi): (u64, u64)) -> u64 {
    (lo..hi).filter(|&n| is_prime(n)).count() as u64
}

/// Frames as in `multiprocessing_pool`: a 4-byte length, then the payload.
fn send(out: &mut impl Write, numbers: &[u64]) -> io::Result<()> {
    out.write_all(&(8 * numbers.len() as u32).to_le_bytes())?;
    numbers
        .iter()
        .try_for_each(|n| out.write_all(&n.to_le_bytes()))?;
    out.flush()
}

fn receive(input: &mut impl Read, count: usize) -> io::Result<Vec<u64>> {
    let mut header = [0; 4];
    input.read_exact(&mut header)?;
    if u32::from_le_bytes(header) as usize != 8 * count {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "bad frame length",
        ));
    }
    let mut payload = vec![0; 8 * count];
    input.read_exact(&mut payload)?;
    Ok(payload
        .chunks_exact(8)
        .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
        .collect())
}

fn worker() -> io::Result<()> {
    let (mut input, mut output) = (io::stdin().lock(), io::stdout().lock());
    while let Ok(job) = receive(&mut input, 2) {
        send(&mut output, &[count_primes((job[0], job[1]))])?;
    }
    Ok(())
}

/// Keeps one job in flight per worker; returns the sum of the results.
fn dispatch(
    submit: &mut [Submit],
    replies: &Receiver<(usize, u64)>,
    jobs: &[(u64, u64)],
) -> io::Result<u64> {
    let mut next = 0;
    for s in submit.iter_mut().take(jobs.len()) {
        s(jobs[next])?;
        next += 1;
    }
    let mut total = 0;
    for _ in 0..jobs.len() {
        let (w, count) = (replies.recv_timeout(Duration::from_secs(60)))
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "a worker is silent"))?;
        total += count;
        if next < jobs.len() {
            submit[w](jobs[next])?;
            next += 1;
        }
    }
    Ok(total)
}

/// Kills and reaps the children when dropped, whatever happened before.
struct Reaped(Vec<Child>);

impl Drop for Reaped {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

// ANCHOR: pools
fn processes(workers: usize, jobs: &[(u64, u64)]) -> io::Result<u64> {
    let (tx, replies) = mpsc::channel();
    let (mut children, mut submit) = (Reaped(Vec::new()), Vec::<Submit>::new());
    for w in 0..workers {
        let mut child = Command::new(env::current_exe()?)
            .arg("--worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let (mut stdin, mut stdout) = (child.stdin.take().unwrap(), child.stdout.take().unwrap());
        children.0.push(child);
        let tx = tx.clone();
        thread::spawn(move || {
            while let Ok(reply) = receive(&mut stdout, 1) {
                if tx.send((w, reply[0])).is_err() {
                    break;
                }
            }
        });
        submit.push(Box::new(move |(lo, hi)| send(&mut stdin, &[lo, hi])));
    }
    dispatch(&mut submit, &replies, jobs) // then `children` kills and reaps them
}

fn threads(workers: usize, jobs: &[(u64, u64)]) -> io::Result<u64> {
    let (tx, replies) = mpsc::channel();
    let mut submit = Vec::<Submit>::new();
    for w in 0..workers {
        let (job_tx, job_rx) = mpsc::channel();
        let tx = tx.clone();
        thread::spawn(move || {
            for job in job_rx {
                if tx.send((w, count_primes(job))).is_err() {
                    break;
                }
            }
        });
        let to_io = |_| io::Error::other("worker thread gone");
        submit.push(Box::new(move |job| job_tx.send(job).map_err(to_io)));
    }
    dispatch(&mut submit, &replies, jobs) // dropping `submit` ends the threads
}
// ANCHOR_END: pools

/// Jobs per second of one run of `pool` over `jobs`, after checking its result.
fn rate(pool: Pool, workers: usize, jobs: &[(u64, u64)], expected: u64) -> f64 {
    let start = Instant::now();
    assert_eq!(pool(workers, jobs).unwrap(), expected);
    jobs.len() as f64 / start.elapsed().as_secs_f64()
}

fn main() -> io::Result<()> {
    if env::args().nth(1).as_deref() == Some("--worker") {
        return worker();
    }
    let h = Harness::from_args("multiprocessing_vs_threads");
    let (limit, sizes) = if h.is_quick() {
        (10_000, [10, 100, 1_000, 10_000])
    } else {
        (500_000, [100, 1_000, 10_000, 100_000])
    };
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    println!("counting primes below {limit} on {workers} workers, in jobs of N numbers;");
    println!("jobs/s include the start-up of the worker processes");
    let expected = count_primes((0, limit));
    for size in sizes {
        let jobs: Vec<(u64, u64)> = (0..limit / size)
            .map(|i| (i * size, (i + 1) * size))
            .collect();
        let label = |what| format!("jobs of {size}, {what}");
        let by_processes = h.sample(&label("processes"), "jobs/s", || {
            rate(processes, workers, &jobs, expected)
        });
        let by_threads = h.sample(&label("threads"), "jobs/s", || {
            rate(threads, workers, &jobs, expected)
        });
        // Both pools in each sample, so that both see the same machine.
        let ratio = h.sample(&label("threads / processes"), "×", || {
            rate(threads, workers, &jobs, expected) / rate(processes, workers, &jobs, expected)
        });
        for figure in [by_processes, by_threads, ratio] {
            println!("  {figure:35}");
        }
    }
    Ok(())
}
