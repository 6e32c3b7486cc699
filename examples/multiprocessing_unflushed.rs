//! A worker that writes its reply into a buffer and forgets to flush it: the
//! parent would wait forever, so it waits with a limit and reports the stall.

// miri: skip starts itself as a child process, which Miri cannot do

use std::io::{self, BufWriter, Read, Write};
use std::process::{self, Child, Command, Stdio};
use std::sync::mpsc;
use std::{env, thread, time::Duration};

// ANCHOR: worker
/// Doubles each 8-byte number it reads; `flush` says whether it flushes.
fn worker(flush: bool) -> io::Result<()> {
    let mut input = io::stdin().lock();
    let mut output = BufWriter::new(io::stdout().lock()); // 8 KiB buffer
    let mut job = [0; 8];
    while input.read_exact(&mut job).is_ok() {
        output.write_all(&(u64::from_le_bytes(job) * 2).to_le_bytes())?;
        if flush {
            output.flush()?; // the fix: hand the reply to the pipe now
        }
    }
    Ok(())
}
// ANCHOR_END: worker

// ANCHOR: main
/// Kills and reaps the child when dropped, whatever happened before.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn ask(flush: bool) -> io::Result<Option<u64>> {
    let mode = if flush { "--worker-flush" } else { "--worker" };
    let mut command = Command::new(env::current_exe()?);
    let piped = Stdio::piped;
    let mut child = Reaped(command.arg(mode).stdin(piped()).stdout(piped()).spawn()?);
    let (mut to_child, mut from_child) = (child.0.stdin.take(), child.0.stdout.take().unwrap());
    to_child
        .as_mut()
        .unwrap()
        .write_all(&21_u64.to_le_bytes())?; // keep stdin open
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut reply = [0; 8];
        let _ = tx.send(
            from_child
                .read_exact(&mut reply)
                .map(|_| u64::from_le_bytes(reply)),
        );
    });
    match rx.recv_timeout(Duration::from_secs(1)) {
        Ok(reply) => Ok(Some(reply?)),
        Err(_) => Ok(None), // still nothing: the reply sits in the child's buffer
    } // `child` is killed and reaped here; its pipe closes and the thread ends
}

fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        None => {}
        Some("--worker") => return worker(false),
        Some("--worker-flush") => return worker(true),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: multiprocessing_unflushed");
            process::exit(2);
        }
    }
    println!("without flush, reply within 1 s: {:?}", ask(false)?);
    println!("with flush, reply within 1 s:    {:?}", ask(true)?);
    Ok(())
}
// ANCHOR_END: main
