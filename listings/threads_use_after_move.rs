//! Does not compile: `rows` moved into the thread; `main` cannot use it.
use std::thread;

fn main() {
    let rows = vec![12, 7, 30];
    let handle = thread::spawn(move || rows.len());
    println!("main still wants {rows:?}");
    println!("the thread counted {}", handle.join().unwrap());
}
