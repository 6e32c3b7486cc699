//! Side by side with Python's `ProcessPoolExecutor.map`: square a thousand
//! numbers on every core with rayon's `par_iter`.

// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

// ANCHOR: main
use rayon::prelude::*;

fn main() {
    let numbers: Vec<u64> = (1..=1_000).collect();
    let squares: Vec<u64> = numbers.par_iter().map(|n| n * n).collect();
    assert_eq!(squares[..3], [1, 4, 9]); // results come back in input order
    let total: u64 = squares.iter().sum();
    println!("sum of squares: {total}");
    assert_eq!(total, 333_833_500);
}
// ANCHOR_END: main
