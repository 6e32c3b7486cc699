//! Solution: pipe data through a child process.

use std::io::{self, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;

/// Runs `program` with `args`, feeds it `input` on its standard input, and
/// returns its exit status and everything it wrote to its standard output.
pub fn filter(program: &str, args: &[&str], input: &[u8]) -> io::Result<(ExitStatus, Vec<u8>)> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin was piped");
    thread::scope(|s| {
        // Write on another thread while this one reads, so that neither pipe
        // can fill up with nobody emptying it.
        let writer = s.spawn(move || match stdin.write_all(input) {
            // The child closed its stdin early: it does not want the rest.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }); // `stdin` is dropped here: the child reads end-of-file
        let output = child.wait_with_output()?;
        writer.join().expect("the writer does not panic")?;
        Ok((output.status, output.stdout))
    })
}
