//! Side by side with Python: a thread hands back a value; a child process hands back bytes.
//! The program re-runs itself as the child: `--child`.

// miri: skip starts itself as a child process, which Miri cannot do

use std::env;
use std::process::{self, Command};
use std::thread;

// Which part this run plays, as in `processes_identity`.
fn main() {
    match env::args().nth(1).as_deref() {
        None => parent(),
        Some("--child") => child(),
        Some(arg) => {
            eprintln!("error: unexpected argument {arg:?}\nusage: compare_side_by_side");
            process::exit(2);
        }
    }
}

// ANCHOR: main
fn answer() -> u64 {
    21 * 2
}

/// The child, run with `--child`.
fn child() {
    println!("{}", answer()); // the child's only way back: bytes on stdout
}

fn parent() {
    let from_thread: u64 = thread::spawn(answer).join().unwrap(); // the value itself
    let me = env::current_exe().expect("the path of this program");
    let output = Command::new(me)
        .arg("--child")
        .output()
        .expect("run the child");
    let text = String::from_utf8(output.stdout).expect("the child prints UTF-8");
    let from_child: u64 = text.trim().parse().expect("the child prints a number");

    println!("from the thread: {from_thread}");
    println!("from the child process: {text:?}, parsed to {from_child}");
    assert_eq!(from_thread, from_child);
}
// ANCHOR_END: main
