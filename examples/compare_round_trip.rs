//! Measures a round trip of a small message: between two threads over
//! channels, between two threads over pipes, and between two processes over
//! pipes. The program re-runs itself as the echoing child: `--echo`.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip starts itself as a child process, which Miri cannot do

use std::io::{self, Read, Write};
use std::process::{self, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Instant;

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

/// Sends `count` numbers, waits for each answer, returns µs per round trip.
fn ping(count: u64, mut to: impl Write, mut from: impl Read) -> io::Result<f64> {
    let (start, mut buf) = (Instant::now(), [0; 8]);
    for i in 0..count {
        to.write_all(&i.to_le_bytes())?;
        from.read_exact(&mut buf)?;
        assert_eq!(u64::from_le_bytes(buf), i + 1);
    }
    Ok(start.elapsed().as_secs_f64() * 1e6 / count as f64)
}
// ANCHOR_END: echo

fn main() -> io::Result<()> {
    let count = match std::env::args().nth(1).as_deref() {
        Some("--echo") => return echo(io::stdin().lock(), io::stdout().lock()),
        Some("--quick") => 200,
        None => 20_000,
        Some(arg) => {
            eprintln!("error: unexpected argument {arg:?}\nusage: compare_round_trip [--quick]");
            process::exit(2);
        }
    };
    // ANCHOR: main
    let ((to_echo, rx), (tx, from_echo)) = (mpsc::channel(), mpsc::channel());
    let echoer = thread::spawn(move || rx.iter().for_each(|n: u64| tx.send(n + 1).unwrap()));
    let start = Instant::now();
    for i in 0..count {
        to_echo.send(i).unwrap();
        assert_eq!(from_echo.recv().unwrap(), i + 1);
    }
    let channels = start.elapsed().as_secs_f64() * 1e6 / count as f64;
    drop(to_echo); // ends the echo thread's loop
    echoer.join().unwrap();

    let ((echo_in, to_echo), (from_echo, echo_out)) = (io::pipe()?, io::pipe()?);
    let echoer = thread::spawn(move || echo(echo_in, echo_out));
    let thread_pipes = ping(count, to_echo, from_echo)?; // drops both ends
    echoer.join().unwrap()?;

    let me = std::env::current_exe()?;
    let mut child = Command::new(me)
        .arg("--echo")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let (to_child, from_child) = (child.stdin.take().unwrap(), child.stdout.take().unwrap());
    let process_pipes = ping(count, to_child, from_child)?; // closes the child's stdin
    assert!(child.wait()?.success());
    // ANCHOR_END: main

    println!("{count} round trips of a u64; mean µs per round trip:");
    println!("  two threads, mpsc channels    {channels:.2}");
    println!("  two threads, pipes            {thread_pipes:.2}");
    println!("  two processes, pipes          {process_pipes:.2}");
    println!(
        "processes over pipes / threads over channels: {:.1}",
        process_pipes / channels
    );
    Ok(())
}
