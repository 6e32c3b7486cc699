//! Does not compile: `child.stdin` is an `Option<ChildStdin>`, not the pipe itself.
use std::io::Write;
use std::process::{Command, Stdio};

fn main() -> std::io::Result<()> {
    let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
    child.stdin.write_all(b"hello\n")?;
    child.wait()?;
    Ok(())
}
