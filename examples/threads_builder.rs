//! `thread::Builder` names a thread and sets its stack size before it starts.

// A panic message names the thread's OS-level ID, which changes from run to run.
// output: mask \(\d+\)
// miri: skip touches 4 MiB byte by byte: minutes for an interpreter

use std::hint::black_box;
use std::io;
use std::thread;

// ANCHOR: main
fn main() -> io::Result<()> {
    let parser = thread::Builder::new()
        .name("parser".to_string())
        .stack_size(16 << 20) // 16 MiB instead of the default 2 MiB
        .spawn(|| {
            let table = black_box([1_u8; 4 << 20]); // 4 MiB on this thread's stack
            let sum: u64 = table.iter().map(|&b| u64::from(b)).sum();
            let name = thread::current().name().map(str::to_owned);
            (name, sum)
        })?; // `?`: the OS may refuse to create a thread

    let (name, sum) = parser.join().unwrap();
    println!("{name:?} summed {sum} bytes that lived on its own stack");

    let checker = thread::Builder::new()
        .name("checker".to_string())
        .spawn(|| panic!("bad checksum"))?; // the panic message names the thread
    assert!(checker.join().is_err());
    Ok(())
}
// ANCHOR_END: main
