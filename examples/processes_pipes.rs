//! Talking to a child over pipes: write its stdin, close it, read its stdout.

// miri: skip starts child processes, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

#[cfg(unix)]
// ANCHOR: main
fn main() -> io::Result<()> {
    let mut sort = Command::new("sort")
        .stdin(Stdio::piped()) // a pipe from us to the child's stdin
        .stdout(Stdio::piped()) // a pipe from the child's stdout to us
        .spawn()?;

    // `take` moves the pipe's end out of `sort`, so `sort` stays usable.
    let mut to_child = sort.stdin.take().expect("stdin was piped");
    for word in ["pear", "apple", "fig"] {
        writeln!(to_child, "{word}")?;
    }
    drop(to_child); // closes the pipe: `sort` reads end-of-file and can answer

    let mut answer = String::new();
    sort.stdout
        .take()
        .expect("stdout was piped")
        .read_to_string(&mut answer)?;
    let status = sort.wait()?;

    print!("{answer}");
    println!("sort ended with {status}");
    assert_eq!(answer, "apple\nfig\npear\n");
    Ok(())
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(harness::platform::UNIX, "it runs the Unix program sort")
}
