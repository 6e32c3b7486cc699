// Racing the same future on every turn of a `select!` loop means polling it
// through `&mut`, and an `async fn`'s future must be pinned first.
use std::time::Duration;
use tokio::time::{interval, sleep};

async fn slow_answer() -> u32 {
    sleep(Duration::from_millis(100)).await;
    42
}

#[tokio::main]
async fn main() {
    let mut ticks = interval(Duration::from_millis(30));
    let answer = slow_answer();
    loop {
        tokio::select! {
            value = &mut answer => { println!("{value}"); break; }
            _ = ticks.tick() => println!("still waiting"),
        }
    }
}
