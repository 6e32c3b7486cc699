//! The stall the compiler cannot catch: on a single-threaded runtime, with no
//! `tokio::spawn`, a std `MutexGuard` held across `.await` freezes the thread.

// The stalled runtime thread can never be joined; `process::exit` ends it.
// miri: skip deliberately deadlocks a thread
use std::sync::{Mutex, mpsc};
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: stall
#[expect(clippy::await_holding_lock, reason = "the mistake this example shows")]
async fn holder(data: &Mutex<u32>) {
    let mut guard = data.lock().unwrap();
    sleep(Duration::from_millis(10)).await; // suspended while holding the std lock
    *guard += 1;
}

async fn other(data: &Mutex<u32>) {
    *data.lock().unwrap() += 1; // blocks the thread: `holder` can never resume
}

async fn fixed_holder(data: &Mutex<u32>) {
    sleep(Duration::from_millis(10)).await; // wait first, then lock for an instant
    *data.lock().unwrap() += 1;
}

fn main() {
    println!("guard held across .await: finished = {}", finishes(false));
    println!("guard dropped before .await: finished = {}", finishes(true));
    std::process::exit(0); // the first runtime's thread is still blocked in `lock`
}
// ANCHOR_END: stall

/// Runs the two futures on a current-thread runtime on its own thread; false
/// if they have not finished after one second.
fn finishes(fixed: bool) -> bool {
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let data = Mutex::new(0);
        rt.block_on(async {
            if fixed {
                tokio::join!(fixed_holder(&data), other(&data));
            } else {
                tokio::join!(holder(&data), other(&data));
            }
        });
        _ = done.send(data.into_inner().unwrap());
    });
    finished.recv_timeout(Duration::from_secs(1)).is_ok()
}
