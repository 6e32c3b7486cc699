//! Tests for the exercise `rayon_word_count`.

// rayon's pool threads never exit (a leak to Miri), and crossbeam-epoch, under
// rayon, breaks Miri's default Stacked Borrows rules but not Tree Borrows (crossbeam#545).
// miri: flags -Zmiri-tree-borrows -Zmiri-ignore-leaks

use exercises::rayon_word_count::{word_count_par, word_count_seq};
use std::collections::HashMap;

#[test]
fn counts_a_small_text() {
    let lines = ["the cat sat", "on the  mat", "", "The end"];
    let expected: HashMap<String, usize> = [
        ("the", 2),
        ("cat", 1),
        ("sat", 1),
        ("on", 1),
        ("mat", 1),
        ("The", 1),
        ("end", 1),
    ]
    .into_iter()
    .map(|(w, n)| (w.to_string(), n))
    .collect();
    assert_eq!(word_count_par(&lines), expected);
}

#[test]
fn empty_input_gives_empty_map() {
    assert!(word_count_par(&[]).is_empty());
    assert!(word_count_par(&["", "   ", "\t"]).is_empty());
}

#[test]
#[cfg_attr(miri, ignore = "20 000 lines: too slow in an interpreter")]
fn equals_the_sequential_count_on_many_lines() {
    // Enough lines that rayon really splits the work between threads.
    let owned: Vec<String> = (0..20_000)
        .map(|i| format!("w{} w{} common w{}", i % 7, i % 13, i % 101))
        .collect();
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let par = word_count_par(&lines);
    assert_eq!(par, word_count_seq(&lines));
    assert_eq!(par["common"], 20_000);
    assert_eq!(par.values().sum::<usize>(), 80_000);
}

#[test]
#[cfg_attr(miri, ignore = "5 000 lines in many pools: too slow in an interpreter")]
fn same_answer_in_a_pool_of_any_size() {
    let owned: Vec<String> = (0..5_000).map(|i| format!("a b{}", i % 3)).collect();
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let expected = word_count_seq(&lines);
    for threads in [1, 2, 4, 8] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        assert_eq!(
            pool.install(|| word_count_par(&lines)),
            expected,
            "{threads} threads"
        );
    }
}
