//! A panicking thread ends only itself; a thread that overflows its stack
//! kills its whole process. Each case runs in a child copy of this program.

// The child's stderr names the crashed thread's OS thread ID.
// output: mask \(\d+\)
// miri: skip starts itself as a child process, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::hint::black_box;
#[cfg(unix)]
use std::os::unix::process::ExitStatusExt;
use std::process::{self, Command};
use std::thread;

/// Recurses until the stack runs out; `black_box` keeps the frames real.
fn recurse(depth: u64) -> u64 {
    let frame = black_box([depth; 64]);
    if frame[0] == u64::MAX {
        return 0;
    }
    recurse(depth + 1) + frame[1]
}

/// Turns off core files for this process, so that the crash leaves none.
#[cfg(unix)]
fn no_core_file() {
    // SAFETY: setrlimit only changes a limit of this process: no core file.
    unsafe {
        libc::setrlimit(
            libc::RLIMIT_CORE,
            &libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            },
        )
    };
}

#[cfg(unix)]
// ANCHOR: child
fn child(how: &str) {
    no_core_file();
    let worker = thread::Builder::new().name("worker".into());
    let worker = worker.stack_size(64 * 1024);
    let worker = match how {
        "--panic" => worker.spawn(|| panic!("a bug in one worker")),
        _ => worker.spawn(|| _ = recurse(0)), // "--overflow": recurses without end
    };
    let joined = worker.unwrap().join();
    println!("main thread: worker ended, is_err = {}", joined.is_err());
}
// ANCHOR_END: child

// Which part this run plays, as in `processes_identity`.
#[cfg(unix)]
fn main() {
    match std::env::args().nth(1).as_deref() {
        None => parent(),
        Some(how @ ("--panic" | "--overflow")) => child(how),
        Some(arg) => {
            eprintln!("error: unexpected argument {arg:?}\nusage: compare_thread_crash");
            process::exit(2);
        }
    }
}

#[cfg(unix)]
// ANCHOR: main
fn parent() {
    let me = std::env::current_exe().expect("path of this program");
    for how in ["--panic", "--overflow"] {
        // Capture the child's output; its stderr has the crash message.
        let out = Command::new(&me).arg(how).output().expect("run child");
        let (said, err) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        println!("child {how}:");
        let crash = err
            .lines()
            .filter(|l| l.contains("a bug") || l.contains("overflow"));
        crash.for_each(|line| println!("  its stderr: {line}"));
        println!("  its main thread printed: {:?}", said.trim());
        println!(
            "  exit code {:?}, killed by signal {:?}",
            out.status.code(),
            out.status.signal()
        );
    }
    println!("parent: still running");
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it turns off core files with setrlimit and reports the signal that killed a child process",
    )
}
