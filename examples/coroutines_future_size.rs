//! A future is a state machine: its size is what it must keep across `.await`s.

use std::future::Future;
use std::mem::size_of_val;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Not ready on the first poll, ready on the second: one suspension point.
/// The same future as in `coroutines_by_hand`.
struct Suspend {
    polled: bool,
}

impl Future for Suspend {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.polled {
            return Poll::Ready(());
        }
        self.polled = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn suspend() -> Suspend {
    Suspend { polled: false }
}

// ANCHOR: futures
// None of these futures is ever polled: measuring one does not run it.
async fn no_locals() -> u32 {
    suspend().await;
    1
}

async fn counter_across_await() -> u64 {
    let mut count = 0_u64;
    for _ in 0..3 {
        count += 1;
        suspend().await; // `count` must survive this
    }
    count
}

async fn buffer_across_await() -> u8 {
    let buffer = [7_u8; 1024];
    suspend().await; // `buffer` is used after this, so it is kept
    buffer[1023]
}

async fn buffer_used_before_await() -> u8 {
    let last = {
        let buffer = [7_u8; 1024];
        buffer[1023] // only one byte outlives the buffer
    };
    suspend().await;
    last
}
// ANCHOR_END: futures

// ANCHOR: main
fn main() {
    let sizes = [
        ("no_locals", size_of_val(&no_locals())),
        ("counter_across_await", size_of_val(&counter_across_await())),
        ("buffer_across_await", size_of_val(&buffer_across_await())),
        (
            "buffer_used_before_await",
            size_of_val(&buffer_used_before_await()),
        ),
    ];
    for (name, size) in sizes {
        println!("{name:<26} {size:>5} bytes");
    }
    let thread_stack = 2 << 20; // a spawned thread's default stack: 2 MiB
    println!("a thread's default stack: {thread_stack} bytes");
    println!(
        "the biggest future fits {} times in it",
        thread_stack / sizes[2].1
    );

    assert!(sizes[2].1 > 1024 && sizes[3].1 < 64);
}
// ANCHOR_END: main
