//! Parent and child do not share memory: each has its own copy of every variable.

// miri: skip starts itself as a child process, which Miri cannot do

use std::process::{self, Command};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::{env, io};

// Which part this run plays, as in `processes_identity`.
fn main() -> io::Result<()> {
    match env::args().nth(1).as_deref() {
        None => parent(),
        Some("child") => {
            child();
            Ok(())
        }
        Some(other) => {
            eprintln!("error: unknown argument {other:?}; run without arguments");
            process::exit(2);
        }
    }
}

// ANCHOR: main
// An atomic, so that safe code may change the `static`; every access is
// `Relaxed`, because each process has only one thread.
static VALUE: AtomicU64 = AtomicU64::new(1);

fn parent() -> io::Result<()> {
    VALUE.store(42, Relaxed);
    println!(
        "parent: set VALUE to {} before spawning",
        VALUE.load(Relaxed)
    );
    let status = Command::new(env::current_exe()?).arg("child").status()?;
    assert!(status.success());
    println!("parent: after the child, VALUE is {}", VALUE.load(Relaxed));
    assert_eq!(VALUE.load(Relaxed), 42);
    Ok(())
}

/// The child, run with `child`: a new run of the program.
fn child() {
    println!("child:  VALUE starts at {}", VALUE.load(Relaxed));
    VALUE.store(99, Relaxed);
    println!("child:  set VALUE to {}", VALUE.load(Relaxed));
}
// ANCHOR_END: main
