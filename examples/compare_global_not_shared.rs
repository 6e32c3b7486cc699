//! The mistake: child processes push their results into a global `Vec`, and
//! the parent finds it empty. The fix: each child writes its result to its
//! standard output, and the parent reads it from the pipe.

// miri: skip starts itself as a child process, which Miri cannot do

use std::process::{self, Command};
use std::sync::Mutex;

// Which part this run plays: `--push N` or `--print N` makes it a child.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, n] = &args[..] {
        let n: u64 = n.parse().unwrap_or_else(|_| usage());
        child(mode, n);
    } else if args.is_empty() {
        parent();
    } else {
        usage();
    }
}

// ANCHOR: main
static RESULTS: Mutex<Vec<u64>> = Mutex::new(Vec::new());

/// The child: squares `n`, and pushes the square or prints it.
fn child(mode: &str, n: u64) {
    let square = n * n;
    match mode {
        "--push" => RESULTS.lock().unwrap().push(square), // the child's own RESULTS
        "--print" => println!("{square}"),
        _ => usage(),
    }
}

fn parent() {
    let me = std::env::current_exe().expect("path of this program");
    let run = |mode: &str, n: u64| Command::new(&me).args([mode, &n.to_string()]).output();

    // Wrong: each child pushes into its own copy of RESULTS.
    for n in 1..=4 {
        assert!(run("--push", n).expect("run child").status.success());
    }
    println!("pushed into a global:  {:?}", RESULTS.lock().unwrap());

    // Right: each child sends its result back through a pipe (its stdout).
    let squares: Vec<u64> = (1..=4)
        .map(|n| {
            let out = run("--print", n).expect("run child");
            String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .expect("a number")
        })
        .collect();
    println!("read from the pipes:   {squares:?}");
    assert_eq!(squares, [1, 4, 9, 16]);
}
// ANCHOR_END: main

fn usage() -> ! {
    eprintln!("usage: compare_global_not_shared [--push N | --print N]");
    process::exit(2);
}
