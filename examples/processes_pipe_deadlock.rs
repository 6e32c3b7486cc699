//! Writing all input before reading any output deadlocks once both pipes are full.

// How far the writer gets before it blocks depends on the pipe and `cat`'s buffers.
// output: mask wrote \d+
// miri: skip starts child processes, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::{thread, time::Duration};

#[cfg(unix)]
// ANCHOR: main
fn main() -> io::Result<()> {
    let data: Vec<u8> = (0..TOTAL).map(|i| (i % 251) as u8).collect();

    // The mistake: write everything first, and only then read the answer.
    let mut child = cat()?;
    let mut to_child = child.stdin.take().unwrap();
    let written = Arc::new(AtomicUsize::new(0));
    let (input, progress) = (data.clone(), Arc::clone(&written));
    let writer = thread::spawn(move || -> io::Result<()> {
        for chunk in input.chunks(4096) {
            to_child.write_all(chunk)?; // blocks while the pipe to `cat` is full
            progress.fetch_add(chunk.len(), Relaxed);
        }
        Ok(())
    });
    thread::sleep(Duration::from_millis(300)); // nobody reads `cat`'s output
    let kib = written.load(Relaxed) / 1024;
    println!("wrote {kib} KiB of {} KiB, then blocked", TOTAL / 1024);
    println!("writer finished: {}", writer.is_finished());
    child.kill()?; // the only way out: end the child...
    child.wait()?; // ...and reap it
    let error = writer.join().unwrap().unwrap_err();
    println!("after the kill, the writer got {:?}", error.kind());

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
    let piped = || Stdio::piped();
    Command::new("cat").stdin(piped()).stdout(piped()).spawn()
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(harness::platform::UNIX, "it runs the Unix program cat")
}
