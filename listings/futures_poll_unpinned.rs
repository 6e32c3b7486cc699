// Polling an `async` block through `Pin::new`, which only works for `Unpin` types.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

fn main() {
    let mut future = async {
        let numbers = [1, 2, 3];
        let first = &numbers[0]; // a borrow of the future's own state
        std::future::ready(()).await;
        *first
    };
    let mut cx = Context::from_waker(Waker::noop());
    let _ = Pin::new(&mut future).poll(&mut cx);
}
