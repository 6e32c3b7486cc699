//! A child that panics or aborts ends alone; the parent keeps running and sees how.

// miri: skip starts itself as a child process, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

#[cfg(unix)]
use std::os::unix::process::ExitStatusExt;
use std::process::{self, Command};
use std::{env, io};

// Which part this run plays, as in `processes_identity`.
#[cfg(unix)]
fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        None => parent(),
        Some(how @ ("panic" | "abort")) => {
            child(how);
            Ok(())
        }
        Some(other) => {
            eprintln!("error: unknown argument {other:?}; run without arguments");
            process::exit(2);
        }
    }
}

#[cfg(unix)]
// ANCHOR: main
/// The child, run with `panic` or `abort`: fails that way.
fn child(how: &str) {
    if how == "panic" {
        panic!("the child gives up");
    } else {
        process::abort();
    }
}

#[cfg(unix)]
fn parent() -> io::Result<()> {
    for how in ["panic", "abort"] {
        // `output` captures the child's stderr, so its panic message comes to us.
        let out = Command::new(env::current_exe()?).arg(how).output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        let message = stderr.lines().find(|l| l.contains("gives up"));
        // (Not `{status}`: it adds "(core dumped)" where the system saves core dumps.)
        let (code, signal) = (out.status.code(), out.status.signal());
        println!("child that calls {how}: code {code:?}, signal {signal:?}");
        println!("  its last words: {message:?}");
    }
    println!("parent: still running");
    Ok(())
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it reports the signal that killed a child process, and Windows has no signals",
    )
}
