use rayon::prelude::*;

fn main() {
    let numbers: Vec<u64> = (1..=100).collect();
    let mut total = 0;
    // Python habit: add to an outer variable from the loop body.
    numbers.par_iter().for_each(|n| total += n);
    println!("{total}");
}
