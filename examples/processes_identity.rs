//! A process has a PID, a parent, threads, open file descriptors and an environment.

// Process IDs change from run to run.
// output: mask pid \d+
// miri: skip reads /proc and starts child processes, which Miri cannot do

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::path::Path;
use std::process::{self, Command};
use std::{env, fs, sync::mpsc, thread};

#[cfg(unix)]
use std::os::unix::process::parent_id;

#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    // The first argument says which part this run plays.
    match env::args().nth(1).as_deref() {
        None => parent(),
        Some("child") => child(),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}; run without arguments");
            process::exit(2);
        }
    }
}

/// The child: a new process, started from the same program file.
fn child() {
    println!("child:  pid {}, parent pid {}", process::id(), parent_id());
}

fn parent() {
    let me = process::id();
    println!("parent: pid {me}");
    println!("threads before spawning one: {}", threads());
    let (stop, wait_for_stop) = mpsc::channel::<()>();
    let waiter = thread::spawn(move || wait_for_stop.recv());
    println!("threads while it waits:      {}", threads());
    drop(stop); // its `recv` returns an error, and the thread ends
    // `join` returns Ok(the thread's value); that value is `recv`'s Err.
    waiter.join().unwrap().unwrap_err();

    let mut std_fds_open = true;
    for fd in ["0", "1", "2"] {
        std_fds_open &= Path::new("/proc/self/fd").join(fd).exists();
    }
    println!("file descriptors 0, 1 and 2 are open: {std_fds_open}");
    println!("environment has PATH: {}", env::var_os("PATH").is_some());

    let out = Command::new(env::current_exe().unwrap())
        .arg("child")
        .output()
        .expect("the child starts");
    let text = String::from_utf8(out.stdout).unwrap();
    print!("{text}");
    let says_parent_is_me = text.trim_end().ends_with(&format!("parent pid {me}"));
    println!("the child's parent is this process: {says_parent_is_me}");
}

/// The number of threads this process has now: one entry each in /proc/self/task.
fn threads() -> usize {
    fs::read_dir("/proc/self/task").unwrap().count()
}
// ANCHOR_END: main

// Windows has no parent PID in std; this example never runs there.
#[cfg(not(unix))]
fn parent_id() -> u32 {
    unreachable!("main says this example needs Linux")
}

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it counts its threads and open files in /proc/self",
    )
}
