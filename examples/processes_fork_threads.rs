//! `fork` in a program that has threads: the child gets only the thread that
//! called `fork`, and a lock another thread held stays locked in the child.

// miri: skip calls fork through libc and reads /proc, which Miri does not emulate

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::io::{self, Read};
#[cfg(unix)]
use std::os::fd::AsRawFd;
use std::sync::{Mutex, mpsc};
use std::{fs, thread};

#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() -> io::Result<()> {
    let (locked, is_locked) = mpsc::channel();
    let (done, wait_until_done) = mpsc::channel::<()>();
    let holder = thread::spawn(move || {
        let _guard = LOCK.lock().unwrap();
        locked.send(()).unwrap();
        let _ = wait_until_done.recv(); // keeps the lock until main is done
    });
    is_locked.recv().unwrap();
    let (mut from_child, to_parent) = io::pipe()?;
    println!(
        "parent: {} threads; one of them holds LOCK",
        threads_of("self")
    );

    // SAFETY: the child does nothing but one atomic compare-and-swap (`try_lock`)
    // and the async-signal-safe system calls `write` and `pause`.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        let lock_is_free = u8::from(LOCK.try_lock().is_ok()); // never blocks
        // SAFETY: writes one byte from a live local into the pipe's open write end.
        unsafe {
            libc::write(to_parent.as_raw_fd(), (&raw const lock_is_free).cast(), 1);
            loop {
                libc::pause(); // wait here until the parent ends us
            }
        }
    }
    assert!(pid > 0, "fork failed: {}", io::Error::last_os_error());
    drop(to_parent); // so that `read` sees end-of-file if the child dies first
    let mut lock_is_free = [0_u8];
    from_child.read_exact(&mut lock_is_free)?;
    println!(
        "child:  {} thread; LOCK is free: {}",
        threads_of(&pid.to_string()),
        lock_is_free[0] == 1
    );

    // SAFETY: plain system calls on our own child.
    unsafe {
        libc::kill(pid, libc::SIGKILL);
        libc::waitpid(pid, std::ptr::null_mut(), 0);
    }
    done.send(()).unwrap();
    holder.join().unwrap();
    Ok(())
}

static LOCK: Mutex<u32> = Mutex::new(0);

fn threads_of(pid: &str) -> usize {
    fs::read_dir(format!("/proc/{pid}/task")).map_or(0, |dir| dir.count())
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it calls fork, and counts each process's threads in /proc/PID/task",
    )
}
