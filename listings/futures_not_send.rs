// Spawning a future that holds an `Rc` across an `.await` onto an executor
// whose tasks must be `Send`.
use std::future::Future;
use std::rc::Rc;

fn spawn(future: impl Future<Output = ()> + Send + 'static) {
    drop(future);
}

async fn tick() {}

fn main() {
    spawn(async {
        let shared = Rc::new(5);
        tick().await;
        println!("{shared}");
    });
}
