//! Does not compile: a spawned thread borrows the `Mutex` and `Condvar` of `main`.
use std::sync::{Condvar, Mutex};
use std::thread;

fn main() {
    let pair = (Mutex::new(false), Condvar::new());
    let setter = thread::spawn(|| {
        let (ready, cvar) = &pair;
        *ready.lock().unwrap() = true;
        cvar.notify_one();
    });
    let (ready, cvar) = &pair;
    let guard = cvar.wait_while(ready.lock().unwrap(), |r| !*r).unwrap();
    println!("ready: {}", *guard);
    setter.join().unwrap();
}
