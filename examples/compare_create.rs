//! Measures creating and finishing a thread, a process and an async task.
//! The program re-runs itself as the child process: `compare_create --exit`.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip starts child processes, which Miri cannot do

use std::path::Path;
use std::process::{self, Command};
use std::thread;
use std::time::Instant;

fn usage(problem: &str) -> ! {
    eprintln!("error: {problem}\nusage: compare_create [--quick]");
    process::exit(2);
}

/// Runs `create` `count` times and returns the mean time per run in µs.
fn mean_us(count: u32, mut create: impl FnMut()) -> f64 {
    let start = Instant::now();
    (0..count).for_each(|_| create());
    start.elapsed().as_secs_f64() * 1e6 / f64::from(count)
}

// ANCHOR: main
fn main() {
    let mut args = std::env::args().skip(1);
    let scale = match (args.next().as_deref(), args.next()) {
        (Some("--exit"), None) => return, // we are the child: exit at once
        (None, _) => 10,
        (Some("--quick"), None) => 1,
        (Some(arg), _) => usage(&format!("unexpected argument {arg:?}")),
    };
    let me = std::env::current_exe().unwrap_or_else(|e| usage(&e.to_string()));
    let wait_for = |cmd: &mut Command| assert!(cmd.status().expect("spawn").success());

    let thread = mean_us(200 * scale, || {
        assert_eq!(thread::spawn(|| 1).join().unwrap(), 1)
    });
    let process = mean_us(20 * scale, || wait_for(Command::new(&me).arg("--exit")));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let task = runtime.block_on(async {
        let start = Instant::now();
        for _ in 0..2000 * scale {
            assert_eq!(tokio::spawn(async { 1 }).await.unwrap(), 1);
        }
        start.elapsed().as_secs_f64() * 1e6 / f64::from(2000 * scale)
    });

    println!("{:<34} mean µs", "create and finish");
    println!("{:<34} {process:.2}", "process (this program, --exit)");
    if Path::new("/bin/true").exists() {
        let true_ = mean_us(20 * scale, || wait_for(&mut Command::new("/bin/true")));
        println!("{:<34} {true_:.2}", "process (/bin/true)");
    }
    println!("{:<34} {thread:.2}", "thread (spawn + join)");
    println!("{:<34} {task:.2}", "tokio task (spawn + await)");
    println!(
        "one process costs as much as {:.0} threads",
        process / thread
    );
    println!("one thread costs as much as {:.0} tasks", thread / task);
}
// ANCHOR_END: main
