//! Does not compile: a `RefCell` checks borrows at run time, but not across threads.
use std::cell::RefCell;
use std::thread;

fn main() {
    let log = RefCell::new(Vec::new());
    thread::scope(|s| {
        for t in 0..2 {
            let log = &log;
            s.spawn(move || log.borrow_mut().push(t));
        }
    });
    println!("{:?}", log.borrow());
}
