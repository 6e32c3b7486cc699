//! Does not compile: two workers, each with its own copy of the one Receiver.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    for _ in 0..2 {
        let rx = rx.clone();
        thread::spawn(move || {
            for job in rx {
                println!("job {job}");
            }
        });
    }
    tx.send(1).unwrap();
}
