//! Solution: the same jobs on threads or in child processes.

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::thread;

/// Where [`word_counts`] runs its jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One thread per text, counting with `str::split_whitespace`.
    Threads,
    /// One child process per text, running `wc -w`.
    Processes,
}

/// Counts the words of each text, in the order of `texts`.
pub fn word_counts(texts: &[String], backend: Backend) -> io::Result<Vec<usize>> {
    match backend {
        Backend::Threads => Ok(thread::scope(|s| {
            let handles: Vec<_> = texts
                .iter()
                .map(|text| s.spawn(move || text.split_whitespace().count()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })),
        Backend::Processes => {
            // Start every child first, so that they all run at the same time.
            let mut children = Vec::with_capacity(texts.len());
            for _ in texts {
                let wc = Command::new("wc")
                    .arg("-w")
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .spawn();
                match wc {
                    Ok(child) => children.push(child),
                    Err(e) => {
                        // Reap the children already started: `wait` closes
                        // their stdin, so `wc` sees the end and exits.
                        children.iter_mut().for_each(|child| _ = child.wait());
                        return Err(e);
                    }
                }
            }
            // Then wait for each one in order (even after an error, so that
            // no child is left a zombie) and parse what it printed.
            let results: Vec<io::Result<usize>> = children
                .into_iter()
                .zip(texts)
                .map(|(child, text)| count_in(child, text))
                .collect();
            results.into_iter().collect()
        }
    }
}

/// Feeds `text` to a running `wc -w` and parses its answer.
fn count_in(mut child: Child, text: &str) -> io::Result<usize> {
    // Dropping stdin at the end of this statement closes the pipe: end of input.
    let written = child.stdin.take().unwrap().write_all(text.as_bytes());
    let output = child.wait_with_output()?;
    written?;
    if !output.status.success() {
        return Err(io::Error::other(format!("wc failed: {}", output.status)));
    }
    let answer = String::from_utf8_lossy(&output.stdout);
    answer
        .trim()
        .parse()
        .map_err(|_| io::Error::other(format!("wc printed {answer:?}")))
}
