//! A child that has exited but was never waited for is a zombie: it keeps
//! its process ID and its entry in /proc until the parent waits. Linux only.

// miri: skip starts itself as a child process, which Miri cannot do

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::process::{self, Command};
use std::time::{Duration, Instant};
use std::{fs, thread};

/// The state letter of a process in /proc/PID/stat (R, S, Z, ...), if any.
fn state(pid: u32) -> Option<char> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name in parentheses may contain spaces: the state follows the last ')'.
    stat.rsplit_once(") ")?.1.chars().next()
}

#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    match std::env::args().nth(1).as_deref() {
        None => {}
        Some("--exit") => return, // the child: exit at once
        Some(arg) => {
            eprintln!("error: unexpected argument {arg:?}\nusage: compare_zombie");
            process::exit(2);
        }
    }
    let me = std::env::current_exe().expect("path of this program");
    let mut child = Command::new(me).arg("--exit").spawn().expect("spawn");
    let pid = child.id();

    // Wait (at most 5 s) until the child has exited, without reaping it.
    let start = Instant::now();
    while state(pid).is_some_and(|s| s != 'Z') && start.elapsed() < Duration::from_secs(5) {
        thread::sleep(Duration::from_millis(1));
    }
    let before = state(pid);
    let status = child.wait().expect("wait"); // reaps the zombie
    let Some(before) = before else {
        println!("no /proc/{pid}/stat: this example needs Linux");
        return;
    };
    println!("the child exited; before wait, its state was {before:?}");
    println!("wait returned: {status}");
    println!("after wait, /proc still lists it: {}", state(pid).is_some());
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it reads a child's state in /proc/PID/stat to see it as a zombie",
    )
}
