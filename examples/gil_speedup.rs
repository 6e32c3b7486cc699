//! One CPU-bound job on 1 and N threads, in Rust and in Python (through
//! `listings/python/gil_count.py`), timed side by side: what the GIL costs.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The job's size (the tests run a tiny one), its total, the thread count
// and Python's version vary; the harness's figures are masked on their own.
// output: mask \d+
// output: test-args --quick
// miri: skip runs python3 as a child process, which Miri cannot do

use harness::{Figure, Harness, Unit};
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

fn parse_args() -> (Harness, u64, String) {
    let (mut quick, mut limit, mut python) = (false, None, String::from("python3"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => quick = true,
            "--limit" => match args.next().map(|n| n.parse::<u64>()) {
                Some(Ok(n)) if n > 0 => limit = Some(n),
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
    let limit = limit.unwrap_or(if quick { 2_000 } else { 20_000 });
    (Harness::new(quick), limit, python)
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

/// The job on `threads` scoped threads: its total and its wall time in ns.
fn rust_run(limit: u64, threads: u64) -> (u64, f64) {
    let start = Instant::now();
    let total = thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| s.spawn(move || collatz_steps(k + 1, limit, threads)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    (total, start.elapsed().as_nanos() as f64)
}
// ANCHOR_END: job

/// Each sample runs the job on 1 thread, then on `n`: the total, the two
/// wall times and the speedup, the ratio of the two times within a sample.
fn rust_figures(h: &Harness, limit: u64, n: u64) -> (u64, [Figure; 3]) {
    let (mut total, mut pairs) = (0, Vec::new());
    let speedup = h.sample("rust, speedup on N threads", "×", || {
        let ((total_1, one), (total_n, many)) = (rust_run(limit, 1), rust_run(limit, n));
        assert_eq!(total_1, total_n, "the split must not change the result");
        total = total_1;
        pairs.push((one, many));
        one / many
    });
    pairs.remove(0); // the harness's warm-up
    let times = |label, pick: fn(&(f64, f64)) -> f64| {
        Figure::new(label, Unit::Time, pairs.iter().map(pick).collect())
    };
    let one = times("rust, 1 thread", |p| p.0);
    let many = times("rust, N threads", |p| p.1);
    (total, [one, many, speedup])
}

/// Runs gil_count.py, which measures the same way with the Python harness,
/// and reads what it prints: the total, which Python it was, and its figure
/// lines, as they are. The wait is bounded.
fn python_run(python: &str, h: &Harness, limit: u64, n: u64) -> Result<Python, String> {
    let mut child = Command::new(python)
        .arg(SCRIPT)
        .args(["--limit", &limit.to_string()])
        .args(["--threads", &n.to_string()])
        .args(h.is_quick().then_some("--quick"))
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
    let figures: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with("python, "))
        .map(str::to_owned)
        .collect();
    match (get("total").and_then(|t| t.parse().ok()), get("python")) {
        (Some(total), Some(about)) if figures.len() == 3 => Ok(Python {
            total,
            about: about.to_owned(),
            figures,
        }),
        _ => Err(format!("gil_count.py printed {out:?}")),
    }
}

struct Python {
    total: u64,
    about: String,
    figures: Vec<String>,
}

fn main() {
    let (h, limit, python) = parse_args();
    let n = thread::available_parallelism().map_or(2, |n| n.get().max(2)) as u64;
    println!("job: total Collatz steps of 1..={limit}, on 1 thread and on N = {n}");
    let (total, figures) = rust_figures(&h, limit, n);
    figures.iter().for_each(|figure| println!("{figure:30}"));

    match python_run(&python, &h, limit, n) {
        Ok(py) => {
            py.figures.iter().for_each(|line| println!("{line}"));
            println!("Python: {}", py.about);
            assert_eq!(py.total, total, "Python must agree");
            println!("both languages computed the same total: {total}");
        }
        Err(why) => println!("python: {why}"),
    }
}
