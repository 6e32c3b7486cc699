//! Malformed frames from a child are rejected with an error: an absurd length
//! is refused before anything is allocated, and a truncated frame is reported,
//! so the parent neither hangs nor panics.

// miri: skip starts itself as a child process, which Miri cannot do

use std::io::{self, Read, Write};
use std::process::{self, Child, Command, Stdio};
use std::{env, thread, time::Duration};

const MAX_FRAME: usize = 1 << 20;

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

fn read_full(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

fn read_frame(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut header = [0; 4];
    match read_full(input, &mut header)? {
        0 => return Ok(None),
        4 => {}
        n => return Err(invalid(format!("truncated header: {n} of 4 bytes"))),
    }
    let len = u32::from_le_bytes(header) as usize;
    if len > MAX_FRAME {
        return Err(invalid(format!("frame of {len} bytes, limit {MAX_FRAME}")));
    }
    let mut payload = vec![0; len];
    let got = read_full(input, &mut payload)?;
    if got < len {
        return Err(invalid(format!("truncated frame: {got} of {len} bytes")));
    }
    Ok(Some(payload))
}

/// Kills and reaps the child when dropped, whatever happened before.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

// ANCHOR: main
/// The buggy children: each writes one bad frame, then stays alive for a while.
fn child(kind: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match kind {
        "huge" => out.write_all(&u32::MAX.to_le_bytes())?, // "4 GiB follow"
        "short" => out.write_all(&[100, 0, 0, 0, 1, 2, 3])?, // 3 of 100 bytes, then exit
        _ => out.write_all(&[7, 0])?,                      // half a header, then exit
    }
    out.flush()?;
    if kind == "huge" {
        thread::sleep(Duration::from_secs(30)); // keeps the pipe open: don't wait for it
    }
    Ok(())
}

fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        None => {}
        Some("--child") => return child(&env::args().nth(2).unwrap_or_default()),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: multiprocessing_bad_frames");
            process::exit(2);
        }
    }
    for kind in ["huge", "short", "half"] {
        let mut command = Command::new(env::current_exe()?);
        let mut child = Reaped(
            command
                .args(["--child", kind])
                .stdout(Stdio::piped())
                .spawn()?,
        );
        let mut stdout = child.0.stdout.take().unwrap();
        let result = read_frame(&mut stdout);
        println!("{kind:>5}: {result:?}");
        assert!(result.is_err());
    } // each `Reaped` kills and waits for its child here
    Ok(())
}
// ANCHOR_END: main
