//! `fork` copies the calling process: the child starts with the parent's values,
//! at the same addresses, but from then on each process changes only its own copy.

// miri: skip calls fork through libc, which Miri does not emulate

// Off Unix, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::{self, Write};

#[cfg(unix)]
// ANCHOR: main
fn main() -> io::Result<()> {
    let mut value = Box::new(1_u64); // on the heap
    *value = 42;
    let address = &raw const *value;
    io::stdout().flush()?; // nothing buffered may be copied into the child

    // SAFETY: this program has only one thread, so the child may run any code.
    let pid = unsafe { libc::fork() };
    match pid {
        -1 => Err(io::Error::last_os_error()),
        0 => {
            // The child: a copy of the parent, running on from the same point.
            let same_address = &raw const *value == address;
            println!("child:  sees {value} at the same address: {same_address}");
            *value = 99;
            println!("child:  set its copy to {value}");
            io::stdout().flush()?;
            // SAFETY: ends the child at once, without running the parent's cleanup twice.
            unsafe { libc::_exit(0) }
        }
        child => {
            let mut status = 0;
            // SAFETY: waits for our own child; `status` is a valid place to write to.
            let reaped = unsafe { libc::waitpid(child, &mut status, 0) };
            assert_eq!(reaped, child);
            println!("parent: fork returned the child's pid; the child has exited");
            println!("parent: my value is still {value}");
            assert_eq!(*value, 42);
            Ok(())
        }
    }
}
// ANCHOR_END: main

#[cfg(not(unix))]
fn main() {
    harness::platform::needs(
        harness::platform::UNIX,
        "it calls fork, which Windows does not have",
    )
}
