//! How many threads rayon uses, and a pool of your own with `install`.

// The global pool's size is the machine's number of logical CPUs.
// output: mask global pool: \d+ threads, logical CPUs: \d+
// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

use rayon::prelude::*;

fn main() {
    // ANCHOR: main
    // The global pool: RAYON_NUM_THREADS if set, else one thread per logical CPU.
    println!(
        "global pool: {} threads, logical CPUs: {}",
        rayon::current_num_threads(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // A pool of our own, with exactly two threads.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("could not start the pool");

    // Inside install, par_iter and join use `pool` instead of the global pool.
    let (threads, sum) = pool.install(|| {
        let sum: u64 = (1..=1_000u64).into_par_iter().sum();
        (rayon::current_num_threads(), sum)
    });
    println!("own pool: {threads} threads, sum {sum}");
    // ANCHOR_END: main
    assert_eq!((threads, sum), (2, 500_500));
}
