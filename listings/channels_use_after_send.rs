//! Does not compile: a value is changed after it was sent to another thread.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<Vec<u32>>();
    let consumer = thread::spawn(move || rx.recv().unwrap().len());

    let mut batch = vec![1, 2, 3];
    tx.send(batch).unwrap();
    batch.push(4); // the consumer may be reading it right now
    println!("consumer saw {} items", consumer.join().unwrap());
}
