//! Scoped threads borrow local variables: the scope joins them before it returns.

use std::thread;

// ANCHOR: main
fn main() {
    let text = String::from("the quick brown fox jumps over the lazy dog");
    let words: Vec<&str> = text.split(' ').collect(); // borrows `text`
    let mut lengths = vec![0; words.len()];

    thread::scope(|s| {
        // Three threads: each reads 3 words and writes its own 3 lengths.
        for (input, output) in words.chunks(3).zip(lengths.chunks_mut(3)) {
            s.spawn(move || {
                for (word, length) in input.iter().zip(output) {
                    *length = word.len();
                }
            });
        }
    }); // every thread spawned in the scope has been joined here

    // The borrows have ended: `lengths` is ours again.
    println!("{words:?}");
    println!("{lengths:?}");
    assert_eq!(
        lengths.iter().sum::<usize>(),
        text.len() - (words.len() - 1)
    );
}
// ANCHOR_END: main
