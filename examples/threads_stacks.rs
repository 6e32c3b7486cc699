//! Every thread has its own stack; the heap and statics are shared by all threads.

// Addresses change from run to run (address space layout randomisation).
// output: mask-hex

use std::sync::Barrier;
use std::thread;

// ANCHOR: main
static SHARED: u64 = 7;

fn addr<T>(value: &T) -> usize {
    value as *const T as usize
}

fn main() {
    let on_heap = Box::new(1_u64);
    let on_main_stack = 2_u64;
    let all_alive = Barrier::new(3);

    // Each thread reports (its own local, the heap box, main's local, the static).
    let seen: Vec<[usize; 4]> = thread::scope(|s| {
        let handles: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let local = 0_u64;
                    all_alive.wait(); // all three locals exist at the same moment
                    [
                        addr(&local),
                        addr(&*on_heap),
                        addr(&on_main_stack),
                        addr(&SHARED),
                    ]
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    for (i, [local, ..]) in seen.iter().enumerate() {
        println!("thread {i}: its local is at {local:#x}");
    }
    println!("main:     its local is at {:#x}", addr(&on_main_stack));

    let mut locals: Vec<usize> = seen.iter().map(|r| r[0]).collect();
    locals.sort();
    let closest = locals.windows(2).map(|w| w[1] - w[0]).min().unwrap();
    let same = |k: usize| seen.iter().all(|r| r[k] == seen[0][k]);
    let apart = closest >= 2 << 20;
    println!("thread stacks are at least 2 MiB apart: {apart}");
    println!("all threads see one heap box:           {}", same(1));
    println!("all threads see main's local in place:  {}", same(2));
    println!("all threads see one static:             {}", same(3));
}
// ANCHOR_END: main
