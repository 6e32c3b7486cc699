//! Tests for the exercise `rayon_find`. No test measures time: they check
//! that the answer is a valid match, and that "not found" is `None`.

// miri: skip every test searches tens of thousands of items: too slow interpreted

use exercises::rayon_find::{any_line_contains, find_multiple};

fn is_match(haystack: &[u64], i: usize, divisor: u64, at_least: u64) -> bool {
    haystack[i] > at_least && haystack[i].is_multiple_of(divisor)
}

#[test]
fn finds_the_only_match() {
    let haystack: Vec<u64> = (0..100_000).map(|i| 2 * i + 1).collect(); // all odd
    let mut with_one = haystack.clone();
    with_one[76_543] = 1_000_000;
    assert_eq!(find_multiple(&with_one, 2, 0), Some(76_543));
    assert_eq!(find_multiple(&haystack, 2, 0), None);
}

#[test]
fn any_returned_index_is_a_real_match() {
    let haystack: Vec<u64> = (0..200_000).collect();
    for (divisor, at_least) in [(7, 0), (1_000, 50_000), (3, 199_990), (1, 0)] {
        let i = find_multiple(&haystack, divisor, at_least).expect("there are matches");
        assert!(
            is_match(&haystack, i, divisor, at_least),
            "index {i} ({}) is not a multiple of {divisor} above {at_least}",
            haystack[i]
        );
    }
}

#[test]
fn not_found_and_edge_cases() {
    let haystack: Vec<u64> = (0..50_000).collect();
    assert_eq!(find_multiple(&haystack, 3, 49_999), None); // nothing is greater
    assert_eq!(find_multiple(&[], 1, 0), None);
    assert_eq!(find_multiple(&[5], 5, 4), Some(0));
    assert_eq!(find_multiple(&[5], 5, 5), None); // greater, not equal
}

#[test]
fn any_line_contains_finds_and_misses() {
    let owned: Vec<String> = (0..20_000).map(|i| format!("line {i}")).collect();
    let mut lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    assert!(any_line_contains(&lines, "line 19999"));
    assert!(!any_line_contains(&lines, "needle"));
    lines[12_345] = "a needle here";
    assert!(any_line_contains(&lines, "needle"));
    assert!(!any_line_contains(&[], ""));
    assert!(any_line_contains(&["x"], ""));
}
