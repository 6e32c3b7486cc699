//! Many producers, one consumer: clone the `Sender` once per producer.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;

const PRODUCERS: usize = 4;
// Miri interprets every send and receive; a tenth of the messages checks the
// same code in a tenth of the time.
const PER_PRODUCER: usize = if cfg!(miri) { 100 } else { 1_000 };

// ANCHOR: main
fn main() {
    let (tx, rx) = mpsc::channel::<(usize, usize)>();

    let handles: Vec<_> = (0..PRODUCERS)
        .map(|id| {
            let tx = tx.clone(); // one Sender per producer
            thread::spawn(move || {
                for seq in 0..PER_PRODUCER {
                    tx.send((id, seq)).unwrap();
                }
            })
        })
        .collect();
    drop(tx); // main's own Sender: without this, the loop below never ends

    let mut count = BTreeMap::new();
    let mut next_seq = [0; PRODUCERS];
    for (id, seq) in rx {
        assert_eq!(seq, next_seq[id], "messages of one producer stay in order");
        next_seq[id] += 1;
        *count.entry(id).or_insert(0) += 1;
    }
    for handle in handles {
        handle.join().unwrap();
    }

    for (id, n) in &count {
        println!("producer {id}: {n} messages, in order");
    }
    let total: usize = count.values().sum();
    println!("total: {total}");
    assert_eq!(total, PRODUCERS * PER_PRODUCER);
}
// ANCHOR_END: main
