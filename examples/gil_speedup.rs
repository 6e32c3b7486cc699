//! One CPU-bound job on 1 and N threads, in Rust and in Python (through
//! `listings/python/gil_count.py`), timed side by side: what the GIL costs.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Thread counts, times, speedups, totals and Python's version vary between
// machines: mask every number together with the spaces before it, so that
// the width of a column does not matter either.
// output: mask \s*\d+(\.\d+)?
// The tests run a tiny job: only the masked numbers change.
// output: test-args --quick
// miri: skip runs python3 as a child process, which Miri cannot do

use std::io::Read;
use std::process::{self, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/listings/python/gil_count.py");
const PYTHON_LIMIT: Duration = Duration::from_secs(600); // nothing may hang

fn usage(problem: &str) -> ! {
    eprintln!("error: {problem}\nusage: gil_speedup [--quick] [--limit N] [--python CMD]");
    process::exit(2);
}

fn parse_args() -> (u64, String) {
    let (mut limit, mut python) = (300_000, String::from("python3"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => limit = 2_000,
            "--limit" => match args.next().map(|n| n.parse::<u64>()) {
                Some(Ok(n)) if n > 0 => limit = n,
                _ => usage("--limit needs a whole number above 0"),
            },
            "--python" => {
                python = args
                    .next()
                    .unwrap_or_else(|| usage("--python needs a command"))
            }
            other => usage(&format!("unknown argument {other:?}")),
        }
    }
    (limit, python)
}

// ANCHOR: job
/// Total Collatz steps of `first`, `first + stride`, ... up to `limit`:
/// the same job, number for number, as `collatz_steps` in gil_count.py.
fn collatz_steps(first: u64, limit: u64, stride: u64) -> u64 {
    let mut total = 0;
    for start in (first..=limit).step_by(stride as usize) {
        let mut n = start;
        while n != 1 {
            n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
            total += 1;
        }
    }
    total
}

/// The job on `threads` scoped threads: the total, and the best wall time of 5 runs.
fn rust_run(limit: u64, threads: u64) -> (u64, Duration) {
    let mut best = (0, Duration::MAX);
    for _ in 0..5 {
        let start = Instant::now();
        let total = thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|k| s.spawn(move || collatz_steps(k + 1, limit, threads)))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum()
        });
        best = (total, best.1.min(start.elapsed()));
    }
    best
}
// ANCHOR_END: job

// ANCHOR: python
/// Runs gil_count.py and reads what it prints: the total, the seconds its
/// threads took, and which Python it was. The wait is bounded.
fn python_run(python: &str, limit: u64, threads: u64) -> Result<(u64, f64, String), String> {
    let mut child = Command::new(python)
        .arg(SCRIPT)
        .args(["--limit", &limit.to_string()])
        .args(["--threads", &threads.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|_| format!("{python} not found"))?;
    let started = Instant::now();
    while child.try_wait().map_err(|e| e.to_string())?.is_none() {
        if started.elapsed() > PYTHON_LIMIT {
            let _ = (child.kill(), child.wait());
            return Err(format!("{python} took too long"));
        }
        thread::sleep(Duration::from_millis(10));
    }
    let mut out = String::new();
    let _ = child.stdout.take().unwrap().read_to_string(&mut out);
    let get = |key: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(' '))
    };
    let total = get("total").and_then(|t| t.parse().ok());
    let seconds = get("seconds").and_then(|s| s.parse().ok());
    match (total, seconds, get("python")) {
        (Some(total), Some(seconds), Some(about)) => Ok((total, seconds, about.to_owned())),
        _ => Err(format!("gil_count.py printed {out:?}")),
    }
}
// ANCHOR_END: python

// ANCHOR: main
fn main() {
    let (limit, python) = parse_args();
    let n = thread::available_parallelism().map_or(2, |n| n.get().max(2)) as u64;
    println!("job: total Collatz steps of 1..={limit}, on 1 and {n} threads");
    println!("language  threads  wall time   speedup");
    let row = |lang: &str, threads: u64, time: &str, speedup: &str| {
        let line = format!("{lang:<8} {threads:>8} {time:>10} {speedup:>9}");
        println!("{}", line.trim_end());
    };
    let ms = |seconds: f64| format!("{:.1} ms", seconds * 1e3);

    let ((total, one), (total_n, many)) = (rust_run(limit, 1), rust_run(limit, n));
    assert_eq!(total, total_n, "the split must not change the result");
    let (one, many) = (one.as_secs_f64(), many.as_secs_f64());
    row("Rust", 1, &ms(one), "1.00x");
    row("Rust", n, &ms(many), &format!("{:.2}x", one / many));

    match (python_run(&python, limit, 1), python_run(&python, limit, n)) {
        (Ok((total_1, one, _)), Ok((total_n, many, about))) => {
            row("Python", 1, &ms(one), "1.00x");
            row("Python", n, &ms(many), &format!("{:.2}x", one / many));
            println!("Python: {about}");
            assert_eq!((total_1, total_n), (total, total), "Python must agree");
            println!("both languages computed the same total: {total}");
        }
        (Err(why), _) | (_, Err(why)) => {
            [1, n].into_iter().for_each(|t| row("Python", t, &why, ""))
        }
    }
}
// ANCHOR_END: main
