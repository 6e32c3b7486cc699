//! Does not compile: in `Rc<Mutex<T>>` the data is locked, but the owner count is not atomic.
use std::rc::Rc;
use std::sync::Mutex;
use std::thread;

fn main() {
    let count = Rc::new(Mutex::new(0));
    let shared = Rc::clone(&count);
    thread::spawn(move || *shared.lock().unwrap() += 1).join().unwrap();
    println!("{}", count.lock().unwrap());
}
