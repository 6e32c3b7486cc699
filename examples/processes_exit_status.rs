//! How a child ended: `ExitStatus`, its `code()`, and on Unix its `signal()`.

// miri: skip starts child processes, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

#[cfg(unix)]
use std::os::unix::process::ExitStatusExt;
use std::process::{self, Command, ExitStatus};
use std::{env, io, thread, time::Duration};

// Which part this run plays, as in `processes_identity`.
#[cfg(unix)]
fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        None => parent(),
        Some("sleeper") => sleeper(),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}; run without arguments");
            process::exit(2);
        }
    }
}

/// The child: waits far longer than the parent lets it.
fn sleeper() -> io::Result<()> {
    thread::sleep(Duration::from_secs(30));
    Ok(())
}

#[cfg(unix)]
// ANCHOR: main
fn parent() -> io::Result<()> {
    report("`true` exits with 0", Command::new("true").status()?);
    let three = Command::new("sh").args(["-c", "exit 3"]).status()?;
    report("`sh -c 'exit 3'` exits with 3", three);

    // This program again, run as `sleeper`: a child that sleeps for 30 seconds.
    let mut sleeper = Command::new(env::current_exe()?).arg("sleeper").spawn()?;
    sleeper.kill()?; // sends SIGKILL
    report("a child killed by SIGKILL", sleeper.wait()?);
    Ok(())
}

#[cfg(unix)]
fn report(what: &str, status: ExitStatus) {
    println!("{what}");
    println!("  {status}: success {}", status.success());
    println!("  code {:?}, signal {:?}", status.code(), status.signal());
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it runs the Unix programs true and sh, and reports the signal that killed a child process",
    )
}
