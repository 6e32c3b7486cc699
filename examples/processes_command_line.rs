//! `Command` starts a program with a list of arguments; no shell splits or expands them.

// miri: skip starts child processes, which Miri cannot do

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io;
use std::process::Command;

fn stdout_of(command: &mut Command) -> io::Result<String> {
    let out = command.output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(unix)]
fn main() -> io::Result<()> {
    // ANCHOR: not_found
    // The mistake: a whole command line as the program's name.
    let error = Command::new("echo hello").output().unwrap_err();
    println!("Command::new(\"echo hello\"): {:?}: {error}", error.kind());
    // The fix: the program, then each argument on its own.
    print!(
        "Command::new(\"echo\").arg(\"hello\"): {}",
        stdout_of(Command::new("echo").arg("hello"))?
    );
    // ANCHOR_END: not_found

    // ANCHOR: injection
    let file_name = "notes.txt; echo INJECTED"; // say, from a web form
    // The mistake: pasting untrusted text into a shell command line.
    let script = format!("echo processing {file_name}");
    print!(
        "sh -c:\n{}",
        stdout_of(Command::new("sh").args(["-c", &script]))?
    );
    // The fix: pass it as an argument; no shell ever parses it.
    print!(
        "arg:\n{}",
        stdout_of(Command::new("echo").args(["processing", file_name]))?
    );
    // If you do need a shell, pass the text as "$1", never inside the script.
    let safe = ["-c", "echo processing \"$1\"", "sh", file_name];
    print!(
        "sh -c with \"$1\":\n{}",
        stdout_of(Command::new("sh").args(safe))?
    );
    // ANCHOR_END: injection
    Ok(())
}

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it runs the Unix programs echo and sh",
    )
}
