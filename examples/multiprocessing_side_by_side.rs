//! Side by side with Python's `ProcessPoolExecutor`: count the primes in four
//! ranges, each in a child process that is this same program run as a worker.

// miri: skip starts itself as a child process, which Miri cannot do

use std::env;
use std::process::{self, Command, Stdio};

// ANCHOR: main
fn is_prime(n: u64) -> bool {
    n >= 2 && (2..=n.isqrt()).all(|d| !n.is_multiple_of(d))
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if !args.is_empty() {
        // The worker: `--worker LO` counts the primes in LO..LO + 20,000.
        let lo = match args.as_slice() {
            [flag, lo] if flag == "--worker" => lo.parse::<u64>().ok(),
            _ => None,
        };
        let Some(lo) = lo else {
            eprintln!("usage: multiprocessing_side_by_side [--worker LO]");
            process::exit(2);
        };
        println!("{}", (lo..lo + 20_000).filter(|&n| is_prime(n)).count());
        return;
    }
    // The parent: start four workers at once, then read each one's count.
    let exe = env::current_exe().expect("the path of this program");
    let workers = [0u64, 20_000, 40_000, 60_000].map(|lo| {
        let mut worker = Command::new(&exe);
        worker.args(["--worker", &lo.to_string()]);
        worker.stdout(Stdio::piped()).spawn().unwrap()
    });
    let mut total = 0;
    for worker in workers {
        let out = worker.wait_with_output().expect("the worker's output");
        let text = String::from_utf8_lossy(&out.stdout);
        total += text.trim().parse::<u64>().expect("a count");
    }
    println!("primes below 80000: {total}");
    assert_eq!(total, 7837);
}
// ANCHOR_END: main
