//! Side by side with Python: run a program, capture its output, learn how it ended.

// miri: skip starts child processes, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io;
use std::process::Command;

#[cfg(unix)]
// ANCHOR: main
fn main() -> io::Result<()> {
    // `?` returns the error if `echo` could not be started at all.
    let out = Command::new("echo").arg("hello").output()?;
    let text = String::from_utf8(out.stdout).expect("echo prints UTF-8");
    print!("{text}");
    println!("echo: {}", out.status);
    assert_eq!(text, "hello\n");

    // No exception: a child that started and exited with 3 is still `Ok`.
    let status = Command::new("sh").args(["-c", "exit 3"]).status()?;
    println!("sh: success {}, code {:?}", status.success(), status.code());
    assert_eq!(status.code(), Some(3));
    Ok(())
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it runs the Unix programs echo and sh",
    )
}
