//! Time slicing made visible: three CPU-bound threads on one CPU, then free.

// Times and CPU numbers change from run to run; the lists of slices (the
// figure's data) are masked whole, so every line keeps its shape.
// output: mask \d+\.\d-\d+\.\d( \d+\.\d-\d+\.\d)*
// output: mask-numbers
// The book's run is a release build; the tests run less work.
// output: release
// output: test-args --quick
// miri: skip asks which CPU it runs on (sched_getcpu), which Miri does not emulate

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use harness::Harness;
use std::hint::black_box;
use std::time::{Duration, Instant};
use std::{io, mem, process, thread};

/// A pause longer than this between two readings of the clock means the
/// thread was not running: another thread had the CPU.
const GAP: Duration = Duration::from_micros(100);

/// Restricts the calling thread to one CPU (Linux).
#[cfg(target_os = "linux")]
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

/// One run: for each of its three threads, the intervals it ran in.
type Run = Vec<Vec<(Instant, Instant)>>;

#[cfg(target_os = "linux")]
// ANCHOR: run
/// Runs `work(chunks)` on three threads, pinned to one CPU or free.
fn run(pinned: Option<usize>, chunks: u32) -> Run {
    let runs: Vec<_> = thread::scope(|s| {
        let handles: Vec<_> = (0..3)
            .map(|_| s.spawn(move || pinned.map(pin_to).transpose().map(|_| work(chunks))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    runs.into_iter()
        .collect::<io::Result<_>>()
        .unwrap_or_else(|e| {
            eprintln!("cannot pin a thread to a CPU: {e}");
            process::exit(1)
        })
}
// ANCHOR_END: run

fn running(slices: &[(Instant, Instant)]) -> Duration {
    slices.iter().map(|&(begin, end)| end - begin).sum()
}

/// From the first thread's start to the last thread's finish.
fn wall_time(run: &Run) -> Duration {
    let start = run.iter().map(|slices| slices[0].0).min().unwrap();
    let finish = run.iter().map(|slices| slices.last().unwrap().1).max();
    finish.unwrap() - start
}

/// The threads' running times added up, over the wall time.
fn at_once(run: &Run) -> f64 {
    let busy: Duration = run.iter().map(|slices| running(slices)).sum();
    busy.as_secs_f64() / wall_time(run).as_secs_f64()
}

/// How much longer than its running time each thread took, on average.
fn stretch(run: &Run) -> f64 {
    let stretch = |slices: &[(Instant, Instant)]| {
        let span = slices.last().unwrap().1 - slices[0].0;
        span.as_secs_f64() / running(slices).as_secs_f64()
    };
    run.iter().map(|slices| stretch(slices)).sum::<f64>() / run.len() as f64
}

/// The median length of the run's slices.
fn slice_length(run: &Run) -> Duration {
    let mut lengths: Vec<_> = run.iter().flatten().map(|&(b, e)| e - b).collect();
    lengths.sort();
    lengths[lengths.len() / 2]
}

#[cfg(target_os = "linux")]
fn main() {
    let h = Harness::from_args("multitasking_timeslice");
    let chunks = if h.is_quick() { 200 } else { 30_000 };
    // SAFETY: sched_getcpu takes no arguments; it returns -1 on failure.
    let cpu = usize::try_from(unsafe { libc::sched_getcpu() }).unwrap_or(0);
    let modes = [("pinned", Some(cpu)), ("free", None)];
    println!("three busy threads, pinned to CPU {cpu}, then free to use every CPU:");
    for (mode, pin) in modes {
        let label = |what: &str| format!("{mode}: {what}");
        let figures = [
            h.sample_time(&label("wall time"), || wall_time(&run(pin, chunks))),
            h.sample(&label("threads running at once"), "", || {
                at_once(&run(pin, chunks))
            }),
            h.sample(&label("wall / running time per thread"), "×", || {
                stretch(&run(pin, chunks))
            }),
            h.sample_time(&label("slice length"), || slice_length(&run(pin, chunks))),
        ];
        for figure in figures {
            println!("  {figure:38}");
        }
    }
    println!("slices of one more run of each, in ms from its first start:");
    for (mode, pin) in modes {
        let run = run(pin, chunks);
        let origin = run.iter().map(|slices| slices[0].0).min().unwrap();
        let ms = |t: Instant| (t - origin).as_secs_f64() * 1e3;
        for (name, slices) in ["A", "B", "C"].iter().zip(&run) {
            let list: Vec<_> = slices
                .iter()
                .map(|&(b, e)| format!("{:.1}-{:.1}", ms(b), ms(e)))
                .collect();
            println!("  {mode} {name}: {}", list.join(" "));
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it pins three threads to one CPU with sched_setaffinity",
    )
}
