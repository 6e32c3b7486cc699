//! Side by side with Python: a producer thread sends messages on a channel, main receives them.

use std::sync::mpsc;
use std::thread;

// ANCHOR: main
fn main() {
    let (tx, rx) = mpsc::channel::<String>();

    let producer = thread::spawn(move || {
        for word in ["parse", "transform", "sum"] {
            let message = format!("stage {word}");
            tx.send(message).unwrap(); // `message` moves into the channel
        }
        println!("producer: done, dropping its Sender");
    }); // `tx` is dropped here, when the closure ends

    let mut received = Vec::new();
    for message in rx {
        // ends when every Sender is gone and the queue is empty
        received.push(message);
    }
    producer.join().unwrap();

    println!("main: received {received:?}");
    assert_eq!(received.len(), 3);
}
// ANCHOR_END: main
