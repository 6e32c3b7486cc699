//! Does not compile: a future that is created but never awaited does nothing.
// Lint levels can turn warnings into errors; this one is a warning by default.
#![deny(unused_must_use)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

async fn save(record: &str) {
    println!("saved {record}");
}

async fn handle_order() {
    save("order 42"); // forgot `.await`: nothing is saved
    println!("order handled");
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let _ = pin!(handle_order()).poll(&mut cx);
}
