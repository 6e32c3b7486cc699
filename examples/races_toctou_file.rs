//! Time of check to time of use with files: `exists()` then create, against `create_new`.

// It creates and removes real files, which Miri's isolation would refuse.
// miri: flags -Zmiri-disable-isolation

use std::fs::{self, File};
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};
use std::sync::Barrier;
use std::{process, thread};

// ANCHOR: scratch
/// A scratch directory, removed when dropped, even after a panic.
struct Scratch(PathBuf);
impl Drop for Scratch {
    fn drop(&mut self) {
        _ = fs::remove_dir_all(&self.0);
    }
}
// ANCHOR_END: scratch

// ANCHOR: racy
/// Claims `path` by creating it, unless it exists. Returns whether we claimed it.
fn claim_racy(path: &Path, between: impl Fn()) -> io::Result<bool> {
    let free = !path.try_exists()?; // check
    between(); // another thread, or another process, may create it here
    if free {
        File::create(path)?; // act: creates the file, or truncates someone else's
    }
    Ok(free)
}
// ANCHOR_END: racy

// ANCHOR: fixed
/// Checks and creates in one system call (`O_CREAT | O_EXCL` on Unix).
fn claim(path: &Path) -> io::Result<bool> {
    match File::create_new(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}
// ANCHOR_END: fixed

// ANCHOR: main
fn main() -> io::Result<()> {
    let dir = Scratch(std::env::temp_dir().join(format!("races_toctou_{}", process::id())));
    fs::create_dir_all(&dir.0)?;
    let path = dir.0.join("job.lock");

    let both_checked = Barrier::new(2);
    let wait = || _ = both_checked.wait(); // forces: both check, then both create
    let claimed = thread::scope(|s| -> io::Result<usize> {
        let a = s.spawn(|| claim_racy(&path, wait));
        let b = s.spawn(|| claim_racy(&path, wait));
        Ok(usize::from(a.join().unwrap()?) + usize::from(b.join().unwrap()?))
    })?;
    println!("exists, then create: {claimed} of 2 threads claimed the file");
    assert_eq!(claimed, 2);

    fs::remove_file(&path)?;
    let claimed = thread::scope(|s| -> io::Result<usize> {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| claim(&path))).collect();
        let results = handles.into_iter().map(|h| h.join().unwrap());
        results.map(|r| r.map(usize::from)).sum()
    })?;
    println!("create_new:          {claimed} of 4 threads claimed the file");
    assert_eq!(claimed, 1);
    Ok(())
}
// ANCHOR_END: main
