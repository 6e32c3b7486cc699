//! Measures a small message's round trip over pipes to a child process, next to
//! a round trip over channels to a thread, and what a spawn + wait costs.

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
use std::{env, thread};

// ANCHOR: echo
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
// ANCHOR_END: echo

fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        Some("child-echo") => return echo_child(),
        Some("child-exit") => return Ok(()),
        _ => {}
    }
    let h = Harness::from_args("processes_roundtrip");
    let me = env::current_exe()?;

    // A thread that echoes over two channels.
    let (to_thread, thread_in) = mpsc::channel::<u64>();
    let (thread_out, from_thread) = mpsc::channel::<u64>();
    let echo = thread::spawn(move || thread_in.iter().try_for_each(|m| thread_out.send(m)));
    let mut i = 0;
    let channels = h.time("channels to a thread and back", || {
        i += 1;
        to_thread.send(i).unwrap();
        assert_eq!(from_thread.recv().unwrap(), i);
    });
    drop(to_thread); // ends the echo thread's loop
    echo.join().unwrap().unwrap();

    // ANCHOR: pipes
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
    let pipes = h.time("pipes to a child process and back", || {
        i += 1;
        to_child.write_all(&i.to_le_bytes()).unwrap();
        from_child.read_exact(&mut reply).unwrap();
        assert_eq!(u64::from_le_bytes(reply), i);
    });
    drop(to_child); // end-of-file: the child's loop ends
    assert!(child.wait()?.success());
    // ANCHOR_END: pipes

    let spawn = h.time("spawn + wait of this program", || {
        assert!(
            Command::new(&me)
                .arg("child-exit")
                .status()
                .unwrap()
                .success()
        )
    });

    println!("time of one:");
    for figure in [&channels, &pipes, &spawn] {
        println!("  {figure:34}");
    }
    let pipe_over_channel = pipes.over(&channels, "pipe round trip / channel round trip");
    let spawn_over_pipe = spawn.over(&pipes, "spawn + wait / pipe round trip");
    println!("{pipe_over_channel:36}\n{spawn_over_pipe:36}");
    Ok(())
}
