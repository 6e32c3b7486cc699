//! Does not compile: `unwrap` moves the pipe out of `child`, which is then only partly there.
use std::io::Write;
use std::process::{Command, Stdio};

fn main() -> std::io::Result<()> {
    let mut child = Command::new("cat").stdin(Stdio::piped()).spawn()?;
    let mut stdin = child.stdin.unwrap();
    stdin.write_all(b"hello\n")?;
    drop(stdin);
    child.wait()?;
    Ok(())
}
