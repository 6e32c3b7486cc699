//! # Exercise: run a closure pinned to one CPU (Linux)
//!
//! Two functions, built on the `libc` crate:
//!
//! 1. [`allowed_cpus`] lists the CPUs the calling thread may run on: its
//!    *affinity mask*, read with `libc::sched_getaffinity`.
//! 2. [`run_on_cpu`] runs a closure on a new thread pinned to one CPU with
//!    `libc::sched_setaffinity`, and reports which CPU it ran on, asked with
//!    `libc::sched_getcpu`.
//!
//! Useful pieces: `libc::cpu_set_t` (zero it with `std::mem::zeroed`),
//! `libc::CPU_SET`, `libc::CPU_ISSET`, `libc::CPU_SETSIZE`, and
//! `std::io::Error::last_os_error()` when a call returns -1. Passing `0` as
//! the thread ID means "the calling thread".
//!
//! Test your attempt with `cargo test -p exercises --test multitasking_pinned`.

use std::io;

/// The CPUs the calling thread may run on, in increasing order.
pub fn allowed_cpus() -> io::Result<Vec<usize>> {
    todo!("write this, then run: cargo test -p exercises --test multitasking_pinned")
}

/// Runs `f` on a new thread that may run only on CPU `cpu`, waits for it,
/// and returns what `f` returned together with the CPU the thread was on
/// when `f` had finished.
///
/// - The calling thread's own affinity mask must not change.
/// - If `cpu` is `libc::CPU_SETSIZE` or more, return an error of kind
///   `io::ErrorKind::InvalidInput` without calling `f`.
/// - If the kernel refuses the CPU (for example, it is not one of
///   [`allowed_cpus`]), return that error without calling `f`.
/// - If `f` panics, let the panic reach the caller.
pub fn run_on_cpu<T, F>(cpu: usize, f: F) -> io::Result<(T, usize)>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    todo!("write this, then run: cargo test -p exercises --test multitasking_pinned")
}
