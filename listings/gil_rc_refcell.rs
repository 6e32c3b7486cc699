//! Does not compile: a word count in an `Rc<RefCell<_>>` must not go to another thread.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::thread;

fn main() {
    let counts: Rc<RefCell<HashMap<&str, u64>>> = Rc::default();
    let for_thread = Rc::clone(&counts);
    let handle = thread::spawn(move || {
        for word in ["gil", "lock", "gil"] {
            *for_thread.borrow_mut().entry(word).or_default() += 1;
        }
    });
    handle.join().unwrap();
    println!("{:?}", counts.borrow());
}
