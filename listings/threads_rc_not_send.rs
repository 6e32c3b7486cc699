//! Does not compile: an `Rc` must not be sent to another thread.
use std::rc::Rc;
use std::thread;

fn main() {
    let config = Rc::new(String::from("verbose"));
    let for_thread = Rc::clone(&config);
    let handle = thread::spawn(move || {
        println!("the thread reads {for_thread}");
    });
    handle.join().unwrap();
    println!("main reads {config}");
}
