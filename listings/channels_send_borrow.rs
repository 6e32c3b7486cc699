//! Does not compile: a spawned consumer receives `&str`s that borrow a local `String`.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<&str>();
    let consumer = thread::spawn(move || {
        for line in rx {
            println!("{line}");
        }
    });

    let text = String::from("first line\nsecond line");
    for line in text.lines() {
        tx.send(line).unwrap(); // sends a borrow of `text`, not the text
    }
    drop(tx);
    consumer.join().unwrap();
}
