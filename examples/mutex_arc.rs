//! `Arc` gives a value several owners, on several threads, and counts them atomically.

use std::sync::Arc;
use std::thread;

// ANCHOR: main
fn main() {
    let words = Arc::new(vec!["mutex", "rwlock", "arc"]);
    println!("owners after Arc::new: {}", Arc::strong_count(&words));

    // Arc::clone copies a pointer and adds one to the count; the Vec is not copied.
    let clones: Vec<Arc<Vec<&str>>> = (0..3).map(|_| Arc::clone(&words)).collect();
    println!("owners after 3 clones: {}", Arc::strong_count(&words));
    assert!(clones.iter().all(|c| Arc::ptr_eq(c, &words))); // one Vec, four pointers

    let handles: Vec<_> = clones
        .into_iter()
        .enumerate()
        .map(|(i, words)| thread::spawn(move || words[i].len())) // each thread owns a clone
        .collect();
    let lengths: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("lengths read by the threads: {lengths:?}");

    // Each thread dropped its clone when its closure ended.
    println!("owners after the joins: {}", Arc::strong_count(&words));
    let words = Arc::into_inner(words).expect("the last owner gets the value back");
    assert_eq!(words.len(), 3);
}
// ANCHOR_END: main
