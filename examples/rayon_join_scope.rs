//! `rayon::join` runs two closures, maybe in parallel; `rayon::scope`
//! spawns any number of tasks that may borrow local data.

// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

use std::sync::atomic::{AtomicU64, Ordering};

// ANCHOR: join
/// Sums a slice by splitting it in half until the pieces are small.
fn sum(data: &[u64]) -> u64 {
    if data.len() <= 1_000 {
        return data.iter().sum(); // small enough: do it here
    }
    let (left, right) = data.split_at(data.len() / 2);
    // Runs `sum(left)` now; pushes `sum(right)` where an idle thread may steal it.
    let (a, b) = rayon::join(|| sum(left), || sum(right));
    a + b
}
// ANCHOR_END: join

// Miri interprets every addition: a tenth of the numbers still splits into
// many `join`s and checks the same code.
const N: u64 = if cfg!(miri) { 10_000 } else { 100_000 };

fn main() {
    let data: Vec<u64> = (1..=N).collect();
    let total = sum(&data);
    println!("join: sum of 1..={N} = {total}");
    assert_eq!(total, N * (N + 1) / 2);

    // ANCHOR: scope
    let words = vec!["apple", "banana", "cherry", "date"];
    let letters = AtomicU64::new(0);
    rayon::scope(|s| {
        for word in &words {
            let letters = &letters; // so that `move` moves this reference, not the counter
            s.spawn(move |_| {
                letters.fetch_add(word.len() as u64, Ordering::Relaxed);
            });
        }
    }); // every spawned task has finished here
    // ANCHOR_END: scope
    let letters = letters.into_inner();
    println!("scope: {} words, {letters} letters", words.len());
    assert_eq!(letters, 21);
}
