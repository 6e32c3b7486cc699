//! Time slicing made visible: three CPU-bound threads on one CPU, then free.

// Times, slice counts and CPU numbers change from run to run; the lists of
// slices (the figure's data) are masked whole, so every line keeps its shape.
// output: mask \d+\.\d-\d+\.\d( \d+\.\d-\d+\.\d)*
// output: mask-numbers
// The book's run is a release build; the tests run less work.
// output: release
// output: test-args --quick
// miri: skip asks which CPU it runs on (sched_getcpu), which Miri does not emulate

use std::hint::black_box;
use std::time::{Duration, Instant};
use std::{io, mem, process, thread};

/// A pause longer than this between two readings of the clock means the
/// thread was not running: another thread had the CPU.
const GAP: Duration = Duration::from_micros(100);

/// Restricts the calling thread to one CPU (Linux).
fn pin_to(cpu: usize) -> io::Result<()> {
    // SAFETY: `set` is a plain bit set that lives for the whole call.
    unsafe {
        let mut set: libc::cpu_set_t = mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        match libc::sched_setaffinity(0, mem::size_of_val(&set), &set) {
            0 => Ok(()),
            _ => Err(io::Error::last_os_error()),
        }
    }
}

// ANCHOR: work
/// Does `chunks` chunks of arithmetic and returns the intervals in which
/// this thread was running: a new one starts after every gap.
fn work(chunks: u32) -> Vec<(Instant, Instant)> {
    let (mut slices, mut x) = (Vec::new(), 1_u64);
    let mut begin = Instant::now();
    let mut last = begin;
    for _ in 0..chunks {
        for _ in 0..1_000 {
            x = black_box(x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1));
        }
        let now = Instant::now();
        if now - last > GAP {
            slices.push((begin, last)); // we were off the CPU from `last` to `now`
            begin = now;
        }
        last = now;
    }
    slices.push((begin, last));
    slices
}
// ANCHOR_END: work

// ANCHOR: run
fn run(label: &str, pinned: Option<usize>, chunks: u32) -> Vec<Vec<(Instant, Instant)>> {
    let runs: Vec<_> = thread::scope(|s| {
        let handles: Vec<_> = (0..3)
            .map(|_| s.spawn(move || pinned.map(pin_to).transpose().map(|_| work(chunks))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let runs: Vec<_> = runs
        .into_iter()
        .collect::<io::Result<_>>()
        .unwrap_or_else(|e| {
            eprintln!("cannot pin a thread to a CPU: {e}");
            process::exit(1)
        });
    let origin = runs.iter().map(|r| r[0].0).min().unwrap();
    let end = runs.iter().map(|r| r.last().unwrap().1).max().unwrap();
    let ms = |t: Instant| (t - origin).as_secs_f64() * 1e3;
    println!("{label}:");
    let mut busy = 0.0;
    for (name, slices) in ["A", "B", "C"].iter().zip(&runs) {
        let (start, finish) = (slices[0].0, slices.last().unwrap().1);
        busy += slices.iter().map(|&(b, e)| ms(e) - ms(b)).sum::<f64>();
        let n = slices.len();
        println!(
            "  {name}: start {:.1} ms, finish {:.1} ms, time slices: {n}",
            ms(start),
            ms(finish)
        );
    }
    let wall = ms(end);
    println!(
        "  wall time {wall:.1} ms; threads running at once, on average: {:.2}",
        busy / wall
    );
    runs
}
// ANCHOR_END: run

fn main() {
    let chunks = match std::env::args().nth(1).as_deref() {
        None => 30_000,
        Some("--quick") => 500,
        Some(other) => {
            eprintln!("unknown argument {other:?}; usage: multitasking_timeslice [--quick]");
            process::exit(2);
        }
    };
    // SAFETY: sched_getcpu takes no arguments; it returns -1 on failure.
    let cpu = usize::try_from(unsafe { libc::sched_getcpu() }).unwrap_or(0);
    let pinned = run(&format!("pinned to CPU {cpu}"), Some(cpu), chunks);
    let free = run("free to use every CPU", None, chunks);
    println!("slices, in ms from each run's first start:");
    for (label, runs) in [("pinned", &pinned), ("free", &free)] {
        let origin = runs.iter().map(|r| r[0].0).min().unwrap();
        for (name, slices) in ["A", "B", "C"].iter().zip(runs) {
            let ms = |t: Instant| (t - origin).as_secs_f64() * 1e3;
            let list: Vec<_> = slices
                .iter()
                .map(|&(b, e)| format!("{:.1}-{:.1}", ms(b), ms(e)))
                .collect();
            println!("  {label} {name}: {}", list.join(" "));
        }
    }
}
