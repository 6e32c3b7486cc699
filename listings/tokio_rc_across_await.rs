use std::rc::Rc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let hits = Rc::new(0); // Rc is not Send
        tokio::time::sleep(Duration::from_millis(1)).await; // held across this await
        println!("{hits}");
    });
    handle.await.unwrap();
}
