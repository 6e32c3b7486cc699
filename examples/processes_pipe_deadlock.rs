//! Writing all input before reading any output deadlocks once both pipes are full.

// How far the writer gets before it blocks depends on the pipe and `cat`'s buffers.
// output: mask wrote \d+
// miri: skip starts child processes, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::{thread, time::Duration};

#[cfg(unix)]
// ANCHOR: main
fn main() -> io::Result<()> {
    let data = vec![b'x'; TOTAL];

    // The mistake: write everything first, and only then read the answer.
    let mut child = cat()?;
    let mut to_child = child.stdin.take().unwrap();
    let input = data.clone();
    let writer = thread::spawn(move || {
        let mut written = 0;
        for chunk in input.chunks(4096) {
            // Blocks while the pipe to `cat` is full.
            if let Err(error) = to_child.write_all(chunk) {
                return (written, error);
            }
            written += chunk.len();
        }
        (written, io::Error::other("never blocked"))
    });
    thread::sleep(Duration::from_millis(300)); // nobody reads `cat`'s output
    println!("writer finished after 300 ms: {}", writer.is_finished());
    child.kill()?; // the only way out: end the child...
    child.wait()?; // ...and wait for it
    let (written, error) = writer.join().unwrap();
    let kib = written / 1024;
    println!("it wrote {kib} KiB of {} KiB, then blocked", TOTAL / 1024);
    println!("after the kill, its write failed with {:?}", error.kind());

    // The fix: write from another thread while this one reads.
    let mut child = cat()?;
    let mut to_child = child.stdin.take().unwrap();
    let input = data.clone();
    let writer = thread::spawn(move || to_child.write_all(&input)); // then drops: EOF
    let output = child.wait_with_output()?; // reads stdout until EOF, then waits
    writer.join().unwrap()?;
    let same = output.stdout == data;
    println!(
        "with a writer thread: {} KiB back, identical: {same}",
        output.stdout.len() / 1024
    );
    println!("cat ended with {}", output.status);
    Ok(())
}

const TOTAL: usize = 1 << 20; // 1 MiB: far more than a pipe holds

fn cat() -> io::Result<Child> {
    Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(harness::platform::UNIX, "it runs the Unix program cat")
}
