//! `thread_local!` gives every thread its own copy of a global variable.

use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

// ANCHOR: main
static FINISHED_CALLS: AtomicU32 = AtomicU32::new(0);

struct Counter(Cell<u32>);

impl Drop for Counter {
    fn drop(&mut self) {
        // Runs when the thread that owns this counter exits.
        FINISHED_CALLS.fetch_add(self.0.get(), Ordering::Relaxed);
    }
}

thread_local! {
    // Every thread has its own `Counter`, starting at 0; `const { … }`
    // builds that initial value at compile time.
    static CALLS: Counter = const { Counter(Cell::new(0)) };
}

fn handle_request() {
    // No lock: no other thread can see this thread's counter.
    CALLS.with(|calls| calls.0.set(calls.0.get() + 1));
}

fn main() {
    (0..5).for_each(|_| handle_request());

    let handles: Vec<_> = (1..=3)
        .map(|n| {
            thread::spawn(move || {
                (0..n).for_each(|_| handle_request());
                CALLS.with(|calls| calls.0.get())
            })
        })
        .collect();
    let counts: Vec<u32> = handles.into_iter().map(|h| h.join().unwrap()).collect();

    let in_main = CALLS.with(|calls| calls.0.get());
    let finished = FINISHED_CALLS.load(Ordering::Relaxed);
    println!("each spawned thread counted its own calls: {counts:?}");
    println!("main's counter is untouched by them: {in_main}");
    println!("calls added up by the exited threads' destructors: {finished}");
    assert_eq!((counts, in_main, finished), (vec![1, 2, 3], 5, 6));
}
// ANCHOR_END: main
