//! An async service that runs risky work in a child process (this program,
//! started again with an argument) and survives a child that panics,
//! aborts or hangs.

// miri: skip starts child processes

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

#[cfg(unix)]
use std::os::unix::process::ExitStatusExt; // signal(): Unix only
use std::process::{Stdio, exit};
use std::time::Duration;
use tokio::process::Command;

// ANCHOR: isolate
/// The risky work, run in the child: what it does depends on `job`.
fn child(job: &str) {
    match job {
        "ok" => println!("42"),
        "panic" => panic!("bad input"),
        "abort" => std::process::abort(),
        "hang" => std::thread::sleep(Duration::from_secs(3600)),
        other => {
            eprintln!("error: unknown job {other:?}");
            exit(2);
        }
    }
}

#[cfg(unix)]
/// Runs `job` in a child process, allowing it `limit`; describes the outcome.
async fn isolated(job: &str, limit: Duration) -> std::io::Result<String> {
    let child = Command::new(std::env::current_exe()?)
        .args(["--child", job])
        .stdout(Stdio::piped())
        .stderr(Stdio::null()) // the child's panic message stays out of ours
        .kill_on_drop(true) // dropping the Child kills the process
        .spawn()?;
    let outcome = match tokio::time::timeout(limit, child.wait_with_output()).await {
        Err(_elapsed) => "timed out, killed".to_string(), // future dropped: killed
        Ok(output) => {
            let output = output?;
            let answer = String::from_utf8_lossy(&output.stdout).trim().to_string();
            match (output.status.code(), output.status.signal()) {
                (Some(0), _) => format!("answered {answer}"),
                (Some(code), _) => format!("crashed, exit code {code}"),
                (None, Some(signal)) => format!("crashed, killed by signal {signal}"),
                (None, None) => format!("crashed: {}", output.status),
            }
        }
    };
    Ok(outcome)
}
// ANCHOR_END: isolate

#[cfg(unix)]
// ANCHOR: main
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        [flag, job] if flag == "--child" => {
            child(job);
            return Ok(());
        }
        _ => {
            eprintln!("error: unexpected arguments {args:?}\nusage: choosing_isolate");
            exit(2);
        }
    }
    // Each job gets its own deadline: a generous one, except for the job
    // that hangs, whose short one keeps this demonstration quick.
    let jobs = [
        ("ok", 5000),
        ("panic", 5000),
        ("abort", 5000),
        ("hang", 300),
    ];
    let runs = jobs.map(|(job, ms)| isolated(job, Duration::from_millis(ms)));
    let outcomes = futures::future::try_join_all(runs).await?; // all at once
    for ((job, _), outcome) in jobs.iter().zip(&outcomes) {
        println!("{job:>5}: {outcome}");
    }
    assert_eq!(outcomes[0], "answered 42");
    println!("the service is still running");
    Ok(())
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it reports the signal that killed a crashed child process, and Windows has no signals",
    )
}
