//! A child's environment and working directory: inherited, set, removed or cleared.

// miri: skip starts itself as a child process, which Miri cannot do

use std::process::{self, Command};
use std::{env, io};

// Which part this run plays, as in `processes_identity`.
fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        None => parent(),
        Some("report") => report(),
        Some(other) => {
            eprintln!("error: unknown argument {other:?}; run without arguments");
            process::exit(2);
        }
    }
}

// ANCHOR: main
/// Runs this program again as a child that reports what it sees.
fn child_report(configure: impl FnOnce(&mut Command)) -> io::Result<String> {
    let mut command = Command::new(env::current_exe()?);
    command.arg("report");
    configure(&mut command);
    let out = command.output()?;
    Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_owned())
}

/// The child, run with `report`: prints what it inherited.
fn report() -> io::Result<()> {
    let greeting = env::var("GREETING").unwrap_or_else(|_| "(unset)".into());
    let has_path = env::var_os("PATH").is_some();
    let dir = env::current_dir()?;
    println!(
        "GREETING={greeting}, has PATH: {has_path}, cwd {}",
        dir.display()
    );
    Ok(())
}

fn parent() -> io::Result<()> {
    let set = child_report(|c| {
        c.env("GREETING", "hello").current_dir("/");
    })?;
    println!("env + current_dir: {set}");
    let cleared = child_report(|c| {
        c.env_clear().env("GREETING", "only me").current_dir("/tmp");
    })?;
    println!("env_clear + env:   {cleared}");
    let removed = child_report(|c| {
        c.env_remove("PATH").current_dir("/");
    })?;
    println!("env_remove(PATH):  {removed}");

    // The parent's own environment did not change.
    println!(
        "parent: GREETING set: {}",
        env::var_os("GREETING").is_some()
    );
    Ok(())
}
// ANCHOR_END: main
