//! A thread changes the parent's global variable; a child process changes
//! only its own copy. The program re-runs itself as the child: `--child`.

// miri: skip starts itself as a child process, which Miri cannot do

use std::process::{self, Command};
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// Which part this run plays, as in `processes_identity`.
fn main() {
    match std::env::args().nth(1).as_deref() {
        None => parent(),
        Some("--child") => child(),
        Some(arg) => {
            eprintln!("error: unexpected argument {arg:?}\nusage: compare_shared");
            process::exit(2);
        }
    }
}

// ANCHOR: main
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn add_1000() {
    for _ in 0..1000 {
        COUNTER.fetch_add(1, Ordering::Relaxed);
    }
}

fn parent() {
    thread::spawn(add_1000).join().unwrap();
    let after_thread = COUNTER.load(Ordering::Relaxed);
    println!("parent: after a thread added 1000, COUNTER = {after_thread}");

    let me = std::env::current_exe().expect("path of this program");
    let out = Command::new(me).arg("--child").output().expect("run child");
    assert!(out.status.success());
    print!("{}", String::from_utf8_lossy(&out.stdout));
    let after_child = COUNTER.load(Ordering::Relaxed);
    println!("parent: after the child added 1000, COUNTER = {after_child}");

    assert_eq!((after_thread, after_child), (1000, 1000));
}

/// The child, run with `--child`: a new run of the program.
fn child() {
    let before = COUNTER.load(Ordering::Relaxed);
    add_1000(); // changes the COUNTER in the child's own address space
    let after = COUNTER.load(Ordering::Relaxed);
    println!("child:  COUNTER went from {before} to {after}");
}
// ANCHOR_END: main
