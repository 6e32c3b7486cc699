//! Measures a wake-up: ping-pong between two threads with a `Condvar`, with
//! `park`/`unpark`, and with a pair of channels.

// Timings depend on the machine; the book's run is a release build.
// output: release
// The tests run a short version: the harness's figures are masked, and the count.
// output: mask \d+ round trips
// output: test-args --quick

use harness::Harness;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::thread;
use std::time::Instant;

fn usage(problem: &str) -> ! {
    eprintln!("error: {problem}\nusage: waiting_wakeup [--quick] [--rounds N]");
    std::process::exit(2);
}

/// The harness, and the number of round trips in one sample.
fn parse_args() -> (Harness, u32) {
    let (mut quick, mut rounds) = (false, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => quick = true,
            "--rounds" => match args.next().map(|n| n.parse::<u32>()) {
                Some(Ok(n)) if n > 0 => rounds = Some(n),
                _ => usage("--rounds needs a whole number above 0"),
            },
            other => usage(&format!("unknown argument {other:?}")),
        }
    }
    let rounds = rounds.unwrap_or(if quick { 20 } else { 2_000 });
    (Harness::new(quick), rounds)
}

// ANCHOR: main
/// Each side waits for its turn, then hands the turn over: the counter is
/// even when it is A's turn and odd when it is B's.
fn condvar(rounds: u64) {
    let (turn, cv) = (Mutex::new(0u64), Condvar::new());
    let side = |parity: u64| {
        for _ in 0..rounds {
            let g = cv.wait_while(turn.lock().unwrap(), |t| *t % 2 != parity);
            *g.unwrap() += 1;
            cv.notify_one();
        }
    };
    thread::scope(|s| {
        s.spawn(|| side(1));
        side(0);
    });
}

fn park(rounds: u64) {
    let turn = AtomicU64::new(0);
    let a = thread::current();
    thread::scope(|s| {
        let b = s.spawn(|| {
            for i in 0..rounds {
                while turn.load(Ordering::Acquire) != 2 * i + 1 {
                    thread::park();
                }
                turn.store(2 * i + 2, Ordering::Release);
                a.unpark();
            }
        });
        for i in 0..rounds {
            turn.store(2 * i + 1, Ordering::Release);
            b.thread().unpark();
            while turn.load(Ordering::Acquire) != 2 * i + 2 {
                thread::park();
            }
        }
    });
}

fn channels(rounds: u64) {
    let ((to_b, at_b), (to_a, at_a)) = (mpsc::channel(), mpsc::channel());
    thread::scope(|s| {
        s.spawn(move || at_b.iter().try_for_each(|n: u64| to_a.send(n + 1)));
        for i in 0..rounds {
            to_b.send(i).unwrap();
            assert_eq!(at_a.recv().unwrap(), i + 1);
        }
        drop(to_b); // ends B's loop
    });
}
// ANCHOR_END: main

fn main() {
    let (h, rounds) = parse_args();
    println!("each sample: {rounds} round trips between two threads; time per round trip:");
    let mut figures = Vec::new();
    for (name, run) in [
        ("condvar", condvar as fn(u64)),
        ("park/unpark", park),
        ("channels", channels),
    ] {
        let figure = h.sample_time(name, || {
            let start = Instant::now();
            run(rounds.into());
            start.elapsed() / rounds
        });
        println!("  {figure:20}");
        figures.push(figure);
    }
    figures.sort_by(|a, b| a.median().total_cmp(&b.median()));
    let (fastest, slowest) = (&figures[0], &figures[2]);
    println!("{}", slowest.over(fastest, "slowest / fastest"));
}
