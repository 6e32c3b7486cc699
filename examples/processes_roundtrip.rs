//! Measures a small message's round trip over pipes to a child process, next to
//! a round trip over channels to a thread, and what a spawn + wait costs.

// Timings depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests run a short version: only the masked numbers change.
// output: test-args --quick
// miri: skip starts itself as a child process, which Miri cannot do

use std::io::{self, Read, Write};
use std::process::{self, Command, Stdio};
use std::sync::mpsc;
use std::{env, thread, time::Instant};

/// The child: sends every 8-byte message straight back, until end-of-file.
fn echo_child() -> io::Result<()> {
    let (mut input, mut output) = (io::stdin().lock(), io::stdout().lock());
    let mut message = [0_u8; 8];
    while input.read_exact(&mut message).is_ok() {
        output.write_all(&message)?;
        output.flush()?; // stdout is buffered: send the message now
    }
    Ok(())
}

// ANCHOR: main
fn main() -> io::Result<()> {
    let (trips, spawns) = match env::args().nth(1).as_deref() {
        None => (20_000, 200),
        Some("--quick") => (200, 5),
        Some("child-echo") => return echo_child(),
        Some("child-exit") => return Ok(()),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: processes_roundtrip [--quick]");
            process::exit(2);
        }
    };
    let me = env::current_exe()?;

    // A thread that echoes over two channels.
    let (to_thread, thread_in) = mpsc::channel::<u64>();
    let (thread_out, from_thread) = mpsc::channel::<u64>();
    let echo = thread::spawn(move || thread_in.iter().try_for_each(|m| thread_out.send(m)));
    let start = Instant::now();
    for i in 0..trips {
        to_thread.send(i).unwrap();
        assert_eq!(from_thread.recv().unwrap(), i);
    }
    let channel_us = start.elapsed().as_secs_f64() * 1e6 / trips as f64;
    drop(to_thread); // ends the echo thread's loop
    echo.join().unwrap().unwrap();

    // A child process that echoes over two pipes.
    let piped = || Stdio::piped();
    let mut child = Command::new(&me)
        .arg("child-echo")
        .stdin(piped())
        .stdout(piped())
        .spawn()?;
    let (mut to_child, mut from_child) =
        (child.stdin.take().unwrap(), child.stdout.take().unwrap());
    let mut reply = [0_u8; 8];
    let start = Instant::now();
    for i in 0..trips {
        to_child.write_all(&i.to_le_bytes())?;
        from_child.read_exact(&mut reply)?;
        assert_eq!(u64::from_le_bytes(reply), i);
    }
    let pipe_us = start.elapsed().as_secs_f64() * 1e6 / trips as f64;
    drop(to_child); // end-of-file: the child's loop ends
    assert!(child.wait()?.success());

    let start = Instant::now();
    for _ in 0..spawns {
        assert!(Command::new(&me).arg("child-exit").status()?.success());
    }
    let spawn_us = start.elapsed().as_secs_f64() * 1e6 / spawns as f64;

    println!("{trips} round trips of an 8-byte message; mean time per round trip:");
    println!("  channels to a thread and back       {channel_us:.2} µs");
    println!("  pipes to a child process and back   {pipe_us:.2} µs");
    println!(
        "one pipe round trip costs as much as {:.1} channel round trips",
        pipe_us / channel_us
    );
    println!("spawn + wait of this program, mean of {spawns}: {spawn_us:.0} µs");
    println!(
        "one spawn + wait costs as much as {:.0} pipe round trips",
        spawn_us / pipe_us
    );
    Ok(())
}
// ANCHOR_END: main
