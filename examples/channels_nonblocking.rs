//! `try_recv` never waits and `recv_timeout` waits at most a given time.

use std::sync::mpsc;
use std::time::Duration;

// ANCHOR: main
fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let wait = Duration::from_millis(20);

    println!("try_recv, nothing sent:      {:?}", rx.try_recv());
    println!("recv_timeout, nothing sent:  {:?}", rx.recv_timeout(wait));

    tx.send(7).unwrap();
    println!("try_recv after a send:       {:?}", rx.try_recv());

    drop(tx);
    println!("try_recv, sender gone:       {:?}", rx.try_recv());
    println!("recv_timeout, sender gone:   {:?}", rx.recv_timeout(wait));
}
// ANCHOR_END: main
