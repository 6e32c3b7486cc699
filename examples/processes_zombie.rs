//! Dropping a `Child` neither kills nor waits for it: once it exits, it is a zombie.

// miri: skip starts child processes, which Miri cannot do

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::process::{self, Command};
use std::time::{Duration, Instant};
use std::{env, fs, io, thread};

// Which part this run plays, as in `processes_identity`.
#[cfg(target_os = "linux")]
fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        None => parent(),
        Some("sleeper") => {
            thread::sleep(Duration::from_secs(30));
            Ok(())
        }
        Some(other) => {
            eprintln!("error: unknown argument {other:?}; run without arguments");
            process::exit(2);
        }
    }
}

#[cfg(target_os = "linux")]
// ANCHOR: main
fn parent() -> io::Result<()> {
    // The mistake: the `Child` is dropped at the end of this statement.
    let pid = Command::new("true").spawn()?.id();
    let start = Instant::now();
    while state(pid) != Some('Z') && start.elapsed() < Duration::from_secs(5) {
        thread::sleep(Duration::from_millis(10)); // `true` exits almost at once
    }
    println!(
        "dropped child, after it exited: state {:?} (Z: zombie)",
        state(pid)
    );
    // Nobody has its exit status, so it stays a zombie until we reap it by hand.
    // SAFETY: waits for our own child process.
    unsafe { libc::waitpid(pid as libc::pid_t, std::ptr::null_mut(), 0) };
    println!("after waitpid: state {:?}", state(pid));

    // The fix: keep the `Child`; kill it if it must stop, and always wait.
    // (The child is this program again, run as `sleeper`: it sleeps 30 seconds.)
    let mut child = Command::new(env::current_exe()?).arg("sleeper").spawn()?;
    let pid = child.id();
    child.kill()?;
    let status = child.wait()?; // reaps it
    println!("kill + wait: {status}; state {:?}", state(pid));
    Ok(())
}

/// The state letter Linux shows for a process (R, S, Z, …), or `None` once it is gone.
fn state(pid: u32) -> Option<char> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.trim_start().chars().next() // after "pid (name)"
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it reads a child's state in /proc/PID/stat to see it as a zombie",
    )
}
