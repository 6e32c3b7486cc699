//! Measures creating and finishing a thread, a process and an async task.
//! The program re-runs itself as the child process: `compare_create --exit`.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip starts child processes, which Miri cannot do

use harness::Harness;
use std::path::Path;
use std::process::{self, Command};
use std::thread;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--exit") {
        return; // we are the child: exit at once
    }
    let h = Harness::from_args("compare_create");
    let me = std::env::current_exe().unwrap_or_else(|e| {
        eprintln!("error: cannot find this program: {e}");
        process::exit(2);
    });
    // ANCHOR: process
    let wait_for = |cmd: &mut Command| assert!(cmd.status().expect("spawn").success());

    let process = h.time("process (this program, --exit)", || {
        wait_for(Command::new(&me).arg("--exit"))
    });
    // ANCHOR_END: process
    let true_ = Path::new("/bin/true").exists().then(|| {
        h.time("process (/bin/true)", || {
            wait_for(&mut Command::new("/bin/true"))
        })
    });
    let thread = h.time("thread (spawn + join)", || {
        assert_eq!(thread::spawn(|| 1).join().unwrap(), 1)
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let task = h.time("tokio task (spawn + await)", || {
        runtime.block_on(async { assert_eq!(tokio::spawn(async { 1 }).await.unwrap(), 1) })
    });

    println!("create and finish one:");
    println!("  {process:32}");
    if let Some(true_) = true_ {
        println!("  {true_:32}");
    }
    println!("  {thread:32}\n  {task:32}");
    println!("{}", process.over(&thread, "one process / one thread"));
    println!("{}", thread.over(&task, "one thread / one task"));
}
