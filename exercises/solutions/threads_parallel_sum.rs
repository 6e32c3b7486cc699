//! Solution: a parallel sum with scoped threads.

use std::ops::Range;
use std::thread;

/// Splits `0..len` into `min(max(workers, 1), len)` contiguous ranges whose
/// lengths differ by at most one, the longer ones first.
pub fn chunk_ranges(len: usize, workers: usize) -> Vec<Range<usize>> {
    let n = workers.max(1).min(len);
    if n == 0 {
        return Vec::new();
    }
    let (base, longer) = (len / n, len % n);
    let mut start = 0;
    (0..n)
        .map(|i| {
            let size = base + usize::from(i < longer);
            let range = start..start + size;
            start += size;
            range
        })
        .collect()
}

/// Sums `data` on one scoped thread per range of [`chunk_ranges`].
pub fn parallel_sum(data: &[u64], workers: usize) -> u64 {
    let ranges = chunk_ranges(data.len(), workers);
    thread::scope(|s| {
        let handles: Vec<_> = ranges
            .into_iter()
            .map(|range| {
                let part = &data[range]; // a borrow of the caller's slice
                s.spawn(move || part.iter().sum::<u64>())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}
