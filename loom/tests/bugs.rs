//! Two bugs that tests run natively rarely catch, and that loom catches every
//! time: the models below must fail, and `#[should_panic]` checks that they
//! fail for the reason given. Run with `cargo xtask loom`.
//!
//! (A deadlock, such as chapter 11's lost wake-up, is caught too, but loom
//! then aborts the whole test process, so it cannot be an expected failure.)
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::thread;

// ANCHOR: relaxed
/// Publishing data with a Relaxed flag: the reader can see the flag set and
/// still read the data before it was written. On x86 it "works".
#[test]
#[should_panic(expected = "Causality violation")]
fn relaxed_flag_does_not_publish() {
    loom::model(|| {
        let shared = Arc::new((UnsafeCell::new(0), AtomicBool::new(false)));
        let writer = thread::spawn({
            let shared = Arc::clone(&shared);
            move || {
                shared.0.with_mut(|data| unsafe { *data = 42 });
                shared.1.store(true, Ordering::Relaxed); // the bug: needs Release
            }
        });
        if shared.1.load(Ordering::Acquire) {
            assert_eq!(shared.0.with(|data| unsafe { *data }), 42);
        }
        writer.join().unwrap();
    });
}
// ANCHOR_END: relaxed

// ANCHOR: lost_update
/// A lost update (chapter 8): load, then store, is not one step. Each
/// operation is atomic, the pair is not; loom finds the order that loses one.
#[test]
#[should_panic(expected = "an update was lost")]
fn load_then_store_loses_an_update() {
    loom::model(|| {
        let count = Arc::new(AtomicUsize::new(0));
        let other = thread::spawn({
            let count = Arc::clone(&count);
            move || {
                let seen = count.load(Ordering::SeqCst);
                count.store(seen + 1, Ordering::SeqCst); // the bug: use fetch_add
            }
        });
        let seen = count.load(Ordering::SeqCst);
        count.store(seen + 1, Ordering::SeqCst);
        other.join().unwrap();
        assert_eq!(count.load(Ordering::SeqCst), 2, "an update was lost");
    });
}
// ANCHOR_END: lost_update
