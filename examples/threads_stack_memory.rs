//! Measures a thread's stack: address space reserved versus memory resident.
//! Linux only: each thread looks itself up in the memory map /proc/self/smaps.

// Sizes depend on the C library and the kernel.
// output: mask-numbers
// miri: skip reads /proc/self/smaps, which Miri's isolation forbids

// Off Linux, `main` is the one at the end, which says what this example
// needs; the rest is compiled there too, unused.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::fs;
use std::thread;

// ANCHOR: smaps
/// The `Size` and `Rss` (in KiB) of the mapping in `smaps` that contains `addr`.
fn mapping_kib(smaps: &str, addr: usize) -> Option<(u64, u64)> {
    let mut lines = smaps.lines();
    while let Some(line) = lines.next() {
        let range = line.split_whitespace().next()?;
        let Some((start, end)) = range.split_once('-') else {
            continue;
        };
        let (Ok(start), Ok(end)) = (
            usize::from_str_radix(start, 16),
            usize::from_str_radix(end, 16),
        ) else {
            continue; // a field line, not the first line of a mapping
        };
        if (start..end).contains(&addr) {
            let mut field = |name: &str| {
                let line = lines.find(|l| l.starts_with(name))?;
                line.split_whitespace().nth(1)?.parse().ok()
            };
            return Some((field("Size:")?, field("Rss:")?));
        }
    }
    None
}
// ANCHOR_END: smaps

#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let handles: Vec<_> = (0..4)
        .map(|_| {
            thread::spawn(|| {
                let local = 0_u8; // lives on this thread's stack
                let smaps = fs::read_to_string("/proc/self/smaps").ok()?;
                mapping_kib(&smaps, &local as *const u8 as usize)
            })
        })
        .collect();

    let stacks: Option<Vec<_>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let Some(stacks) = stacks else {
        println!("cannot read /proc/self/smaps: this measurement needs Linux");
        return;
    };
    for (i, (size, rss)) in stacks.iter().enumerate() {
        println!("thread {i}: stack of {size} KiB, {rss} KiB of it resident");
    }
    let reserved_2mib = stacks.iter().all(|&(size, _)| size >= 2048);
    let resident_small = stacks.iter().all(|&(size, rss)| rss * 16 < size);
    println!("every stack reserves at least 2 MiB: {reserved_2mib}");
    println!("every stack has under a 16th of it resident: {resident_small}");
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    harness::platform::needs(
        harness::platform::LINUX,
        "it finds each thread's stack in the memory map /proc/self/smaps",
    )
}
