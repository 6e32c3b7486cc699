//! What waiting costs an executor: one that polls in a loop burns a CPU while
//! the future is pending; one that parks until woken uses almost none.

// Times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests wait 20 ms instead of 200 ms: only the masked numbers change.
// output: test-args --quick
// miri: skip measurement: reads the thread's CPU clock through libc

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

/// What the timer thread and the future share: done yet, and whom to wake.
#[derive(Default)]
struct Shared {
    done: bool,
    waker: Option<Waker>,
}

enum Timer {
    NotStarted(Duration),
    Waiting(Arc<Mutex<Shared>>),
    Done,
}

impl Future for Timer {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Timer::NotStarted(duration) = *self {
            let shared = Arc::new(Mutex::new(Shared::default()));
            let for_thread = Arc::clone(&shared);
            thread::spawn(move || {
                thread::sleep(duration);
                let mut state = for_thread.lock().unwrap();
                state.done = true;
                if let Some(waker) = state.waker.take() {
                    waker.wake(); // "poll me again": the timer has fired
                }
            });
            *self = Timer::Waiting(shared);
        }
        let Timer::Waiting(shared) = &*self else {
            panic!("Timer polled after it returned Ready");
        };
        let mut state = shared.lock().unwrap();
        if !state.done {
            state.waker = Some(cx.waker().clone()); // the latest waker wins
            return Poll::Pending;
        }
        drop(state);
        *self = Timer::Done;
        Poll::Ready(())
    }
}

struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// CPU time used so far by the calling thread.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to write.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

// ANCHOR: main
/// Runs a timer future to completion; returns (wall time, CPU time, polls).
fn wait(spin: bool, duration: Duration) -> (Duration, Duration, u64) {
    let (wall, cpu) = (Instant::now(), thread_cpu_time());
    let parker = Waker::from(Arc::new(ThreadWaker(thread::current())));
    let mut cx = Context::from_waker(if spin { Waker::noop() } else { &parker });
    let mut timer = pin!(Timer::NotStarted(duration));
    let mut polls = 1;
    while timer.as_mut().poll(&mut cx).is_pending() {
        if !spin {
            thread::park(); // block_on: sleep until woken
        }
        polls += 1; // spinning: poll again at once
    }
    (wall.elapsed(), thread_cpu_time() - cpu, polls)
}

fn main() {
    let quick = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--quick") => true,
        Some(other) => {
            eprintln!("error: unknown argument {other:?}\nusage: futures_spin_vs_park [--quick]");
            std::process::exit(2);
        }
    };
    let duration = Duration::from_millis(if quick { 20 } else { 200 });
    println!(
        "{:<10} {:>9} {:>9} {:>10}",
        "executor", "wall ms", "CPU ms", "polls"
    );
    let mut cpu = [0.0; 2];
    for (i, (name, spin)) in [("spin", true), ("park", false)].into_iter().enumerate() {
        let (wall, used, polls) = wait(spin, duration);
        cpu[i] = used.as_secs_f64();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!("{name:<10} {:>9.1} {:>9.3} {polls:>10}", ms(wall), ms(used));
    }
    println!(
        "spinning used {:.0}x the CPU time of parking",
        cpu[0] / cpu[1].max(1e-9)
    );
}
// ANCHOR_END: main
