//! Each side learns when the other has hung up: `recv` and `send` return `Err`.

use std::sync::mpsc;

// ANCHOR: main
fn main() {
    // The receiver hangs up: `send` fails and hands the value back.
    let (tx, rx) = mpsc::channel::<String>();
    drop(rx);
    match tx.send(String::from("report.csv")) {
        Ok(()) => println!("send: Ok"),
        Err(mpsc::SendError(value)) => println!("send: Err, got {value:?} back"),
    }

    // Every sender hangs up: buffered messages still arrive, then `recv` fails.
    let (tx, rx) = mpsc::channel::<i32>();
    let tx2 = tx.clone();
    tx.send(1).unwrap();
    tx2.send(2).unwrap();
    drop(tx);
    println!("recv with one sender left: {:?}", rx.recv());
    drop(tx2);
    println!("recv after the last sender: {:?}", rx.recv());
    println!("recv again: {:?}", rx.recv());
}
// ANCHOR_END: main
