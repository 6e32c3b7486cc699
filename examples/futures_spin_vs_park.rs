//! What waiting costs an executor: one that polls in a loop burns a CPU while
//! the future is pending; one that parks until woken uses almost none.

// Times depend on the machine; the book's run is a release build.
// output: release
// output: mask-numbers
// The tests wait 2 ms instead of 100 ms and take fewer samples: only the
// masked numbers change.
// output: test-args --quick
// miri: skip measurement: reads the thread's CPU clock through libc

use harness::Harness;
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
#[cfg(unix)]
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

/// Windows has no `clock_gettime`: there the example stops at its first reading.
#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    harness::platform::needs(
        harness::platform::UNIX,
        "it reads the thread's CPU clock with clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
    )
}

// ANCHOR: wait
/// What one wait for a timer cost: wall time, CPU time, polls.
struct Waited {
    wall: Duration,
    cpu: Duration,
    polls: u64,
}

/// Runs a timer future to completion, spinning or parking between polls.
fn wait(spin: bool, duration: Duration) -> Waited {
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
    let (wall, cpu) = (wall.elapsed(), thread_cpu_time() - cpu);
    assert!(wall >= duration, "the timer fired early");
    Waited { wall, cpu, polls }
}
// ANCHOR_END: wait

fn main() {
    let h = Harness::from_args("futures_spin_vs_park");
    let timer = Duration::from_millis(if h.is_quick() { 2 } else { 100 });
    println!("one wait for a {timer:?} timer, each executor:");
    for (name, spin) in [("spin", true), ("park", false)] {
        let wall = h.sample_time(&format!("{name}, wall time"), || wait(spin, timer).wall);
        let cpu = h.sample_time(&format!("{name}, CPU time"), || wait(spin, timer).cpu);
        let polls = h.sample(&format!("{name}, polls"), "", || {
            wait(spin, timer).polls as f64
        });
        println!("  {wall:18}\n  {cpu:18}\n  {polls:18}");
    }
    let ratio = h.sample("spin / park, CPU time", "×", || {
        let (spin, park) = (wait(true, timer), wait(false, timer));
        spin.cpu.as_secs_f64() / park.cpu.as_secs_f64().max(1e-9)
    });
    println!("{ratio}");
}
