//! Does not compile: the thread's closure borrows `numbers` from `main`.
use std::thread;

fn main() {
    let numbers = vec![1, 2, 3];
    let handle = thread::spawn(|| {
        println!("the thread sees {numbers:?}");
    });
    handle.join().unwrap();
}
