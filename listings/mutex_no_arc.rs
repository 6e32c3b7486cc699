//! Does not compile: a spawned thread borrows a `Mutex` that lives on main's stack.
use std::sync::Mutex;
use std::thread;

fn main() {
    let count = Mutex::new(0);
    let handle = thread::spawn(|| *count.lock().unwrap() += 1);
    handle.join().unwrap();
    println!("{}", count.lock().unwrap());
}
