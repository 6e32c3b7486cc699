//! Tests for the exercise `bound_classify`. They check what a measurement
//! must show whatever the machine's load, never how fast anything ran.

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use exercises::bound_classify::{Bound, Times, classify, measure};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn times(wall: Duration, cpu: Duration) -> Times {
    Times { wall, cpu }
}

#[test]
fn one_thread_bounds_are_inclusive() {
    assert_eq!(classify(times(ms(100), ms(100)), 1), Some(Bound::Cpu));
    assert_eq!(classify(times(ms(100), ms(80)), 1), Some(Bound::Cpu));
    assert_eq!(classify(times(ms(100), ms(79)), 1), Some(Bound::Mixed));
    assert_eq!(classify(times(ms(100), ms(50)), 1), Some(Bound::Mixed));
    assert_eq!(classify(times(ms(100), ms(21)), 1), Some(Bound::Mixed));
    assert_eq!(classify(times(ms(100), ms(20)), 1), Some(Bound::Io));
    assert_eq!(classify(times(ms(100), Duration::ZERO), 1), Some(Bound::Io));
}

#[test]
fn bounds_hold_to_the_nanosecond() {
    let wall = Duration::from_nanos(1_000_000_001);
    // 80% of 1_000_000_001 ns is 800_000_000.8 ns.
    let just_below = Duration::from_nanos(800_000_000);
    let just_above = Duration::from_nanos(800_000_001);
    assert_eq!(classify(times(wall, just_below), 1), Some(Bound::Mixed));
    assert_eq!(classify(times(wall, just_above), 1), Some(Bound::Cpu));
    // 20% of it is 200_000_000.2 ns.
    assert_eq!(classify(times(wall, ms(200)), 1), Some(Bound::Io));
    let over = Duration::from_nanos(200_000_001);
    assert_eq!(classify(times(wall, over), 1), Some(Bound::Mixed));
}

#[test]
fn bounds_hold_for_long_jobs_too() {
    // A job of about 174 days: an `f64` cannot tell these ratios from 80%
    // and 20%, but whole nanoseconds can.
    let wall = Duration::from_nanos(15_000_000_000_000_000);
    let below_80 = Duration::from_nanos(12_000_000_000_000_000 - 1);
    assert_eq!(classify(times(wall, below_80), 1), Some(Bound::Mixed));
    let above_20 = Duration::from_nanos(3_000_000_000_000_000 + 1);
    assert_eq!(classify(times(wall, above_20), 1), Some(Bound::Mixed));
}

#[test]
fn cpu_time_is_shared_out_over_the_threads() {
    // Two threads busy all the time use twice the wall time in CPU time.
    assert_eq!(classify(times(ms(100), ms(200)), 2), Some(Bound::Cpu));
    assert_eq!(classify(times(ms(100), ms(160)), 2), Some(Bound::Cpu));
    // One core's worth of CPU time over two threads: each was half busy.
    assert_eq!(classify(times(ms(100), ms(100)), 2), Some(Bound::Mixed));
    assert_eq!(classify(times(ms(100), ms(30)), 2), Some(Bound::Io));
    assert_eq!(classify(times(ms(100), ms(50)), 10), Some(Bound::Io));
}

#[test]
fn nothing_to_judge() {
    assert_eq!(classify(times(Duration::ZERO, Duration::ZERO), 1), None);
    assert_eq!(classify(times(Duration::ZERO, ms(5)), 1), None);
    assert_eq!(classify(times(ms(100), ms(50)), 0), None);
}

#[test]
#[cfg_attr(miri, ignore = "measures CPU time with getrusage")]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "needs Linux: measures one thread's CPU time with getrusage(RUSAGE_THREAD)"
)]
fn measure_returns_the_result_and_wall_time() {
    let (value, t) = measure(|| {
        thread::sleep(ms(30));
        "done"
    });
    assert_eq!(value, "done");
    assert!(
        t.wall >= ms(30),
        "sleep(30 ms) took {:?} of wall time",
        t.wall
    );
}

#[test]
#[cfg_attr(miri, ignore = "measures CPU time with getrusage")]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "needs Linux: measures one thread's CPU time with getrusage(RUSAGE_THREAD)"
)]
fn sleeping_is_io_bound() {
    let (_, t) = measure(|| thread::sleep(ms(50)));
    assert_eq!(classify(t, 1), Some(Bound::Io), "{t:?}");
}

/// Sets the flag when dropped, so the spinning thread stops even if
/// `measure` panics (as the unfinished starter does) and the scope unwinds.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

#[test]
#[cfg_attr(miri, ignore = "measures CPU time with getrusage")]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "needs Linux: measures one thread's CPU time with getrusage(RUSAGE_THREAD)"
)]
fn other_threads_cpu_time_does_not_count() {
    // Another thread burns CPU while the measured thread sleeps. Only the
    // measured thread's CPU time belongs in the result: RUSAGE_THREAD.
    let stop = AtomicBool::new(false);
    let t = thread::scope(|s| {
        let _stop = StopOnDrop(&stop);
        s.spawn(|| {
            // Bounded, whatever happens: at most ten seconds of spinning.
            let deadline = Instant::now() + Duration::from_secs(10);
            while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                black_box(0);
            }
        });
        measure(|| thread::sleep(ms(100))).1
    });
    assert_eq!(classify(t, 1), Some(Bound::Io), "{t:?}");
}

#[test]
#[cfg_attr(miri, ignore = "measures CPU time with getrusage")]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "needs Linux: measures one thread's CPU time with getrusage(RUSAGE_THREAD)"
)]
fn computing_uses_cpu_time() {
    let (sum, t) =
        measure(|| (0..5_000_000_u64).fold(0_u64, |acc, i| acc.wrapping_add(black_box(i))));
    assert_eq!(sum, 12_499_997_500_000);
    assert!(t.cpu > Duration::ZERO, "{t:?}");
    // The thread cannot have used more CPU time than the time that passed
    // (a millisecond of slack for the two clocks' different resolutions).
    assert!(t.cpu <= t.wall + ms(1), "{t:?}");
}
