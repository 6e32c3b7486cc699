//! One CPU-bound job three ways: sequential, hand-split scoped threads,
//! and rayon. Later numbers cost more, so equal ranges are unequal work.

// Timings depend on the machine; the book's run is a release build.
// output: release
// Times, speedups and the thread count change between machines and runs.
// output: mask \s*\d+(\.\d+)?( ms|x)
// output: mask threads: \d+
// The tests count primes below a smaller limit.
// output: mask below \d+: \d+
// output: test-args --quick
// miri: skip a measurement: finding primes by trial division takes minutes interpreted

use rayon::prelude::*;
use std::time::Instant;

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

// ANCHOR: threads
/// Splits 0..limit into one equal range per thread, by hand.
fn with_threads(limit: u64, threads: u64) -> usize {
    let step = limit.div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let range = k * step..((k + 1) * step).min(limit);
                s.spawn(move || range.filter(|&n| is_prime(n)).count())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

/// Lets rayon split the range and balance the work.
fn with_rayon(limit: u64) -> usize {
    (0..limit).into_par_iter().filter(|&n| is_prime(n)).count()
}
// ANCHOR_END: threads

fn main() {
    let limit = match std::env::args().nth(1).as_deref() {
        None => 3_000_000,
        Some("--quick") => 20_000,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: rayon_vs_threads [--quick]");
            std::process::exit(2);
        }
    };
    let threads = rayon::current_num_threads() as u64;
    println!("threads: {threads}");
    let time = |f: &dyn Fn() -> usize| {
        let start = Instant::now();
        (f(), start.elapsed().as_secs_f64())
    };
    let (count, seq) = time(&|| (0..limit).filter(|&n| is_prime(n)).count());
    println!("primes below {limit}: {count}");
    let rows: [(&str, &dyn Fn() -> usize); 3] = [
        ("sequential", &|| {
            (0..limit).filter(|&n| is_prime(n)).count()
        }),
        ("thread::scope", &|| with_threads(limit, threads)),
        ("rayon", &|| with_rayon(limit)),
    ];
    println!("{:<16}{:>12}{:>10}", "version", "time", "speedup");
    for (name, f) in rows {
        let (n, t) = time(f);
        assert_eq!(n, count, "{name} must agree");
        let ms = format!("{:.1} ms", t * 1e3);
        println!("{name:<16}{ms:>12}{:>10}", format!("{:.2}x", seq / t));
    }
}
