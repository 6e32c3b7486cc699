//! Tests for the exercise `threads_parallel_sum`.

use exercises::threads_parallel_sum::{chunk_ranges, parallel_sum};

#[test]
fn splits_as_documented() {
    assert_eq!(chunk_ranges(10, 4), vec![0..3, 3..6, 6..8, 8..10]);
    assert_eq!(chunk_ranges(9, 3), vec![0..3, 3..6, 6..9]);
    assert_eq!(chunk_ranges(7, 1), vec![0..7]);
}

#[test]
fn zero_workers_count_as_one() {
    assert_eq!(chunk_ranges(5, 0), vec![0..5]);
    assert_eq!(parallel_sum(&[1, 2, 3], 0), 6);
}

#[test]
fn never_more_ranges_than_elements() {
    assert_eq!(chunk_ranges(3, 8), vec![0..1, 1..2, 2..3]);
    assert_eq!(chunk_ranges(0, 4), vec![]);
    assert_eq!(chunk_ranges(0, 0), vec![]);
}

#[test]
fn ranges_cover_everything_in_balanced_order() {
    // Miri interprets every step: fewer cases check the same code.
    let (lens, most_workers) = if cfg!(miri) { (20, 8) } else { (40, 12) };
    for len in 0..lens {
        for workers in 0..most_workers {
            let ranges = chunk_ranges(len, workers);
            let n = workers.max(1).min(len);
            assert_eq!(ranges.len(), n, "len {len}, workers {workers}");
            let mut next = 0;
            for range in &ranges {
                assert_eq!(
                    range.start, next,
                    "len {len}, workers {workers}: {ranges:?}"
                );
                assert!(
                    !range.is_empty(),
                    "len {len}, workers {workers}: {ranges:?}"
                );
                next = range.end;
            }
            assert_eq!(next, len, "len {len}, workers {workers}: {ranges:?}");
            let sizes: Vec<usize> = ranges.iter().map(|r| r.len()).collect();
            assert!(
                sizes.windows(2).all(|w| w[0] == w[1] || w[0] == w[1] + 1),
                "len {len}, workers {workers}: sizes {sizes:?} must not grow and differ by at most 1"
            );
        }
    }
}

#[test]
fn sums_like_the_sequential_sum() {
    // Miri interprets every thread spawn: fewer worker counts check the same code.
    let most_workers = if cfg!(miri) { 5 } else { 10 };
    for len in [0, 1, 2, 7, 64, 1001] {
        let data: Vec<u64> = (0..len).map(|i| i * i % 97 + 1).collect();
        let expected: u64 = data.iter().sum();
        for workers in 0..most_workers {
            assert_eq!(
                parallel_sum(&data, workers),
                expected,
                "len {len}, workers {workers}"
            );
        }
    }
}

#[test]
fn empty_slice_sums_to_zero() {
    assert_eq!(parallel_sum(&[], 4), 0);
}

#[test]
fn many_workers_on_a_large_slice() {
    // Miri interprets every addition: a hundredth of the numbers checks the same code.
    let n: u64 = if cfg!(miri) { 1_000 } else { 100_000 };
    let data: Vec<u64> = (1..=n).collect();
    assert_eq!(parallel_sum(&data, 64), n * (n + 1) / 2);
}
