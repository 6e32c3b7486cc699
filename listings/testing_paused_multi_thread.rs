//! The paused clock needs the current-thread runtime: asking for it on the
//! multi-thread runtime is rejected when the attribute expands.
use std::time::Duration;

#[tokio::main(flavor = "multi_thread", start_paused = true)]
async fn main() {
    tokio::time::sleep(Duration::from_secs(60)).await;
}
