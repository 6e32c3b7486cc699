//! Measures a round trip of a small message: between two threads over
//! channels, between two threads over pipes, and between two processes over
//! pipes. The program re-runs itself as the echoing child: `--echo`.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip starts itself as a child process, which Miri cannot do

use harness::Harness;
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;

// ANCHOR: echo
/// Reads numbers (8 bytes each) until end of input and answers each with n + 1.
fn echo(mut input: impl Read, mut output: impl Write) -> io::Result<()> {
    let mut buf = [0; 8];
    while input.read_exact(&mut buf).is_ok() {
        output.write_all(&(u64::from_le_bytes(buf) + 1).to_le_bytes())?;
        output.flush()?;
    }
    Ok(())
}

/// One round trip: sends `n`, waits for the answer, checks it is n + 1.
fn ping(n: u64, to: &mut impl Write, from: &mut impl Read) -> io::Result<()> {
    let mut buf = [0; 8];
    to.write_all(&n.to_le_bytes())?;
    from.read_exact(&mut buf)?;
    assert_eq!(u64::from_le_bytes(buf), n + 1);
    Ok(())
}
// ANCHOR_END: echo

fn main() -> io::Result<()> {
    if std::env::args().nth(1).as_deref() == Some("--echo") {
        return echo(io::stdin().lock(), io::stdout().lock());
    }
    let h = Harness::from_args("compare_round_trip");
    let ((to_echo, rx), (tx, from_echo)) = (mpsc::channel(), mpsc::channel());
    let echoer = thread::spawn(move || rx.iter().for_each(|n: u64| tx.send(n + 1).unwrap()));
    let channels = h.time("two threads, mpsc channels", || {
        to_echo.send(7).unwrap();
        assert_eq!(from_echo.recv().unwrap(), 8);
    });
    drop(to_echo); // ends the echo thread's loop
    echoer.join().unwrap();

    let ((echo_in, mut to_echo), (mut from_echo, echo_out)) = (io::pipe()?, io::pipe()?);
    let echoer = thread::spawn(move || echo(echo_in, echo_out));
    let thread_pipes = h.time("two threads, pipes", || {
        ping(7, &mut to_echo, &mut from_echo).unwrap()
    });
    drop(to_echo); // the echo thread reads end of input
    echoer.join().unwrap()?;

    // ANCHOR: main
    let me = std::env::current_exe()?;
    let mut child = Command::new(me)
        .arg("--echo")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let (mut to_child, mut from_child) =
        (child.stdin.take().unwrap(), child.stdout.take().unwrap());
    let process_pipes = h.time("two processes, pipes", || {
        ping(7, &mut to_child, &mut from_child).unwrap()
    });
    drop(to_child); // the child reads end of input and exits
    assert!(child.wait()?.success());
    // ANCHOR_END: main

    println!("one round trip of a u64:");
    for figure in [&channels, &thread_pipes, &process_pipes] {
        println!("  {figure:28}");
    }
    let ratio = process_pipes.over(&channels, "processes over pipes / threads over channels");
    println!("{ratio}");
    Ok(())
}
