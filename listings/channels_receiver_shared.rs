//! Does not compile: two workers share the one Receiver through an Arc, without a Mutex.
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(rx);
    for _ in 0..2 {
        let rx = Arc::clone(&rx);
        thread::spawn(move || {
            for job in rx.iter() {
                println!("job {job}");
            }
        });
    }
    tx.send(1).unwrap();
}
