//! Solution: run a closure pinned to one CPU (Linux).

// sched_getaffinity, sched_setaffinity and sched_getcpu are Linux's own:
// elsewhere this module is left out.
#![cfg(target_os = "linux")]

use std::{io, mem, panic, thread};

/// The CPUs the calling thread may run on, in increasing order.
pub fn allowed_cpus() -> io::Result<Vec<usize>> {
    // SAFETY: `set` is a plain bit set, and the kernel writes at most its size.
    let set = unsafe {
        let mut set: libc::cpu_set_t = mem::zeroed();
        if libc::sched_getaffinity(0, mem::size_of_val(&set), &mut set) != 0 {
            return Err(io::Error::last_os_error());
        }
        set
    };
    let size = libc::CPU_SETSIZE as usize;
    // SAFETY: CPU_ISSET only reads the set; every index is below its size.
    Ok((0..size)
        .filter(|&cpu| unsafe { libc::CPU_ISSET(cpu, &set) })
        .collect())
}

/// Restricts the calling thread to CPU `cpu`.
fn pin_to(cpu: usize) -> io::Result<()> {
    if cpu >= libc::CPU_SETSIZE as usize {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no such CPU"));
    }
    // SAFETY: `set` is a plain bit set, and `cpu` is below its size.
    unsafe {
        let mut set: libc::cpu_set_t = mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        match libc::sched_setaffinity(0, mem::size_of_val(&set), &set) {
            0 => Ok(()),
            _ => Err(io::Error::last_os_error()),
        }
    }
}

/// Runs `f` on a new thread pinned to CPU `cpu` and returns its result and
/// the CPU the thread was on when `f` had finished.
pub fn run_on_cpu<T, F>(cpu: usize, f: F) -> io::Result<(T, usize)>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    // A scoped thread may borrow, and it is joined before we return. Pinning
    // it leaves the caller's own affinity mask alone.
    let joined = thread::scope(|s| {
        s.spawn(move || {
            pin_to(cpu)?;
            let value = f();
            // SAFETY: sched_getcpu takes no arguments; it returns -1 on failure.
            let ran_on = unsafe { libc::sched_getcpu() };
            let ran_on = usize::try_from(ran_on).map_err(|_| io::Error::last_os_error())?;
            Ok((value, ran_on))
        })
        .join()
    });
    joined.unwrap_or_else(|payload| panic::resume_unwind(payload))
}
