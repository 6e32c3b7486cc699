//! Tests for the exercise `measure_bench`. None of them depends on how fast
//! anything runs.

use exercises::measure_bench::{Stats, bench, summarize};
use std::time::Duration;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn odd_number_of_samples() {
    let stats = summarize(&mut [ms(5), ms(1), ms(3)]);
    assert_eq!(
        stats,
        Stats {
            min: ms(1),
            median: ms(3),
            max: ms(5)
        }
    );
}

#[test]
fn even_number_of_samples_takes_the_mean_of_the_middle_two() {
    let stats = summarize(&mut [ms(4), ms(1), ms(3), ms(2)]);
    assert_eq!(
        stats,
        Stats {
            min: ms(1),
            median: Duration::from_micros(2500),
            max: ms(4)
        }
    );
}

#[test]
fn one_sample_is_min_median_and_max() {
    let stats = summarize(&mut [ms(7)]);
    assert_eq!(
        stats,
        Stats {
            min: ms(7),
            median: ms(7),
            max: ms(7)
        }
    );
}

#[test]
fn an_outlier_moves_the_max_not_the_median() {
    let mut samples = vec![ms(10); 9];
    samples.push(ms(1000));
    let stats = summarize(&mut samples);
    assert_eq!(
        (stats.min, stats.median, stats.max),
        (ms(10), ms(10), ms(1000))
    );
}

#[test]
#[should_panic]
fn no_samples_panics() {
    summarize(&mut []);
}

#[test]
fn bench_calls_warmup_plus_runs_times() {
    let mut calls = 0;
    bench(3, 7, || calls += 1);
    assert_eq!(calls, 10);
    let mut calls = 0;
    bench(0, 1, || calls += 1);
    assert_eq!(calls, 1);
}

#[test]
fn bench_times_each_run_alone() {
    // Calls 1 and 2 are the warm-up; calls 3 and 4 sleep a little; the
    // rest return at once. The slow runs must show up in the maximum, and
    // the minimum must be shorter than them (a run alone, not a total).
    let mut call = 0;
    let stats = bench(2, 5, || {
        call += 1;
        if call == 3 || call == 4 {
            std::thread::sleep(ms(20));
        }
    });
    assert!(
        stats.max >= ms(20),
        "the slowest run slept 20 ms: {stats:?}"
    );
    assert!(stats.min < ms(20), "three runs did not sleep: {stats:?}");
    assert!(stats.min <= stats.median && stats.median <= stats.max);
}

#[test]
#[should_panic]
fn zero_runs_panics() {
    bench(1, 0, || ());
}
